package io.procmem.executor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MatchAndBindTest {

    @Test
    void shouldBindTheRoutinesFirstReservationAmongThousandsOfProcedures() throws Exception {
        MatchAndBind matchAndBind = new MatchAndBind(BenchProcedures.index(20_000));

        assertThat(matchAndBind.nextCall(MatchAndBind.session()).toString()).isEqualTo("{\"reservation_id\":\"NO6JO3\"}");
    }
}
