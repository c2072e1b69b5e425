package io.procmem.executor.api;

import java.net.BindException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The Jetty server around an {@link ApiHandler}: one HTTP/1.1 connector on the configured host and port. A port
 * that is taken stops start-up with a message naming it and how to pick another.
 */
public final class ExecutorServer implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;

    private ExecutorServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /**
     * Binds and starts serving.
     *
     * @param port 0 for a free ephemeral port
     * @throws IllegalStateException if the port is taken or the server does not start
     */
    public static ExecutorServer start(String host, int port, Handler handler) {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("executor-http");
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(handler);
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server, e);
            if (isBindFailure(e)) {
                throw new IllegalStateException("port " + port + " on " + host + " is taken: set port to a free one"
                        + " (or 0 for an ephemeral port)", e);
            }
            throw new IllegalStateException("cannot start the executor's HTTP server on " + host + ":" + port, e);
        }
        return new ExecutorServer(server, connector);
    }

    /** The port actually bound, useful when 0 was asked for. */
    public int port() {
        return connector.getLocalPort();
    }

    /** Base URL of the API, e.g. {@code http://127.0.0.1:8080}. */
    public String url() {
        String host = connector.getHost();
        // A wildcard bind is reachable through loopback; an IPv6 literal needs brackets in a URL.
        String shown = host == null || host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1"
                : host.contains(":") ? "[" + host + "]" : host;
        return "http://" + shown + ":" + port();
    }

    /** Stops serving; requests in flight are cut off. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the executor's HTTP server did not stop cleanly", e);
        }
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    private static void stopQuietly(Server server, Exception cause) {
        try {
            server.stop();
        } catch (Exception stop) {
            cause.addSuppressed(stop);
        }
    }
}
