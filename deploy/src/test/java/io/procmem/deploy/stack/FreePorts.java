package io.procmem.deploy.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

/** Ports the OS has just handed out as free, for tests that must pass a port number to a child process. */
public final class FreePorts {
    private FreePorts() {
    }

    public static int pick() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stack configuration in {@code stackDir} whose broker and controller ports are free. */
    public static StackConfig stackOnFreePorts(Path stackDir) {
        return StackConfig.resolve(Map.of(
                StackConfig.STACK_DIR, stackDir.toString(),
                StackConfig.BROKER_PORT, Integer.toString(pick()),
                StackConfig.CONTROLLER_PORT, Integer.toString(pick()),
                StackConfig.BROKER_HEAP, "256m"), Map.of());
    }
}
