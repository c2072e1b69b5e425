package io.procmem.miner.api;

import java.net.BindException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The Jetty server of the miner's query API: one HTTP/1.1 connector on {@code miner.http.host}:{@code miner.http.port}.
 * A taken port stops start-up with a message naming it.
 */
public final class QueryServer implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;

    private QueryServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /**
     * Binds and starts serving.
     *
     * @param port 0 for a free ephemeral port
     * @throws IllegalStateException if the port is taken or the server does not start
     */
    public static QueryServer start(String host, int port, Handler handler) {
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("miner-http");
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(handler);
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception stop) {
                e.addSuppressed(stop);
            }
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BindException) {
                    throw new IllegalStateException("port " + port + " on " + host + " is taken: set miner.http.port "
                            + "to a free one (or 0 for an ephemeral port)", e);
                }
            }
            throw new IllegalStateException("cannot start the miner's query API on " + host + ":" + port, e);
        }
        return new QueryServer(server, connector);
    }

    /** The port actually bound, useful when 0 was asked for. */
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the miner's query API did not stop cleanly", e);
        }
    }
}
