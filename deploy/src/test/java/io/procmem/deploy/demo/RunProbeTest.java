package io.procmem.deploy.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RunProbeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldBreakTheRoutineAtTheFirstReservationTheServedRunRead() throws Exception {
        String served = """
                {"outcome": "served", "calls": [
                  {"tool": "get_user_details", "arguments": {"user_id": "mia_li_3668"}},
                  {"tool": "get_reservation_details", "arguments": {"reservation_id": "NO6JO3"}},
                  {"tool": "get_reservation_details", "arguments": {"reservation_id": "AIXC49"}}]}""";

        assertThat(RunProbe.firstReservationRead(JSON.readTree(served))).isEqualTo("NO6JO3");
        assertThat(RunProbe.firstReservationRead(JSON.readTree("{\"outcome\": \"no_match\"}")))
                .isEqualTo(RunProbe.FALLBACK_RESERVATION);
    }
}
