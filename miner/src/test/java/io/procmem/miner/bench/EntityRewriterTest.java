package io.procmem.miner.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EntityRewriterTest {

    @Test
    void shouldReplaceTheSameIdByTheSameFreshValueInArgumentsAndResults() {
        EntityRewriter rewriter = new EntityRewriter(new Random(1));

        String result = rewriter.rewrite("{\"user_id\":\"mia_li_3668\",\"reservations\":[\"NO6JO3\"],"
                + "\"payment_methods\":{\"credit_card_4421486\":{}}}");
        String argument = rewriter.rewrite("{\"reservation_id\":\"NO6JO3\"}");

        String reservation = argument.substring(argument.indexOf(":\"") + 2, argument.lastIndexOf('"'));
        assertThat(reservation).matches("[A-Z0-9]{6}").isNotEqualTo("NO6JO3");
        assertThat(result).contains("\"" + reservation + "\"").doesNotContain("NO6JO3", "mia_li_3668", "4421486")
                .containsPattern("\"mia_li_\\d+\"").containsPattern("\"credit_card_\\d+\"");
    }

    @Test
    void shouldKeepWordsThatAreNotIds() {
        EntityRewriter rewriter = new EntityRewriter(new Random(1));

        assertThat(rewriter.rewrite("{\"cabin\":\"economy\",\"origin\":\"JFK\",\"status\":\"CANCEL\"}"))
                .isEqualTo("{\"cabin\":\"economy\",\"origin\":\"JFK\",\"status\":\"CANCEL\"}");
    }

    @Test
    void shouldGiveAnotherSessionOtherValues() {
        String first = new EntityRewriter(new Random(1)).rewrite("HAT123 for sara_doe_1");
        String second = new EntityRewriter(new Random(2)).rewrite("HAT123 for sara_doe_1");

        assertThat(first).isNotEqualTo(second).matches("HAT\\d{3} for sara_doe_\\d+");
    }
}
