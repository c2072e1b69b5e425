package io.procmem.deploy.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Checks that a port is free before a service is started on it, so a conflict stops start-up with a message naming
 * the port, the service and the way to move it, instead of a bind error buried in the service's log.
 *
 * <p>Known limit: the check and the service's own bind are not atomic; another process can still take the port in
 * between, and then the service's log says so.
 */
public final class PortChecker {
    private PortChecker() {
    }

    /** Throws a {@link StackException} naming {@code service} and how to choose another port if the port is taken. */
    public static void requireFree(String service, Port port) {
        if (!isFree(port.number())) {
            throw new StackException(String.format(
                    "port %d (%s) is taken by another process: stop it or choose another port with %s / %s",
                    port.number(), service, StackConfig.optionName(port.configKey()),
                    StackConfig.envName(port.configKey())));
        }
    }

    /** True if nothing listens on the port, on any local address. */
    public static boolean isFree(int port) {
        // Binding the wildcard address fails if any address of this host has the port, which is the conflict that
        // matters whether the service binds 127.0.0.1 or all addresses.
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
