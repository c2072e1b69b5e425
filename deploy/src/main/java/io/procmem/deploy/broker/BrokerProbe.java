package io.procmem.deploy.broker;

import io.procmem.deploy.stack.Readiness;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Ready when the broker answers {@code describeCluster} with itself in the cluster, i.e. it has registered with the
 * controller and can host partitions.
 */
public final class BrokerProbe implements Readiness {
    private static final int CONNECT_MILLIS = 500;
    private static final int REQUEST_MILLIS = 3_000;
    private final int port;

    public BrokerProbe(int port) {
        this.port = port;
    }

    @Override
    public boolean isReady() {
        // An admin client against a closed port logs a connection warning per retry; a plain connect is silent.
        if (!listening()) {
            return false;
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_MILLIS);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, REQUEST_MILLIS);
        Admin admin = Admin.create(props);
        try {
            return !admin.describeCluster().nodes().get(REQUEST_MILLIS, TimeUnit.MILLISECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            admin.close(Duration.ofSeconds(1));
        }
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), CONNECT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
