package io.procmem.deploy.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortCheckerTest {

    @Test
    void shouldNameServiceOptionAndEnvironmentWhenPortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            assertThat(PortChecker.isFree(port)).isFalse();
            assertThatThrownBy(() -> PortChecker.requireFree("broker", new Port(port, StackConfig.BROKER_PORT)))
                    .isInstanceOf(StackException.class)
                    .hasMessage("port " + port + " (broker) is taken by another process: stop it or choose another"
                            + " port with --broker-port / PROCMEM_BROKER_PORT");
        }
    }

    @Test
    void shouldAcceptPortOnceItsListenerHasClosed() throws Exception {
        int port;
        try (ServerSocket released = new ServerSocket(0)) {
            port = released.getLocalPort();
        }

        assertThatCode(() -> PortChecker.requireFree("broker", new Port(port, StackConfig.BROKER_PORT)))
                .doesNotThrowAnyException();
    }
}
