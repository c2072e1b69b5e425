package io.procmem.executor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmem.executor.store.ProcedureIndex;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class ExecutorServerTest {
    private final ApiHandler handler = ApiFixture.readOnly(new ProcedureIndex(), () -> Readiness.UP, 1024);

    @Test
    void shouldBindAnEphemeralPortWhenAskedForZero() throws Exception {
        try (ExecutorServer server = ExecutorServer.start("127.0.0.1", 0, handler)) {
            assertThat(server.port()).isPositive();
            assertThat(server.url()).isEqualTo("http://127.0.0.1:" + server.port());
        }
    }

    @Test
    void shouldNameTheTakenPortAndHowToChooseAnother() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> ExecutorServer.start("127.0.0.1", port, handler))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + port + " on 127.0.0.1 is taken")
                    .hasMessageContaining("or 0 for an ephemeral port");
        }
    }
}
