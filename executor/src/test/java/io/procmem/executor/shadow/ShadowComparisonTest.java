package io.procmem.executor.shadow;

import static io.procmem.executor.Routines.userReservations;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.procmem.avro.ProcedureStatus;
import io.procmem.executor.matching.ObservedStep;
import io.procmem.executor.runner.Redactor;
import org.junit.jupiter.api.Test;

class ShadowComparisonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ShadowComparison comparison = new ShadowComparison(Redactor.defaults());

    @Test
    void shouldAgreeWhenValuesAreEqualOnceNormalized() throws Exception {
        Prediction predicted = predicted("lookup", "{\"id\": \" AB12 \", \"n\": 2, \"list\": [1.0, {\"k\": \"v\"}]}");

        ShadowComparison.Verdict verdict = comparison.judge(predicted,
                step("lookup", "{\"n\": 2.00, \"id\": \"AB12\", \"list\": [1, {\"k\": \"v \"}]}"));

        assertThat(verdict.agreed()).isTrue();
        assertThat(verdict.reason()).isNull();
    }

    @Test
    void shouldNameTheToolWhenTheAgentCalledAnotherOne() throws Exception {
        ShadowComparison.Verdict verdict = comparison.judge(predicted("lookup", "{}"), step("cancel", "{}"));

        assertThat(verdict.agreed()).isFalse();
        assertThat(verdict.reason()).isEqualTo("predicted tool lookup, the agent called cancel");
    }

    @Test
    void shouldNameTheDifferingArgumentAndMaskSensitiveValues() throws Exception {
        ShadowComparison.Verdict differs = comparison.judge(predicted("lookup", "{\"id\": \"A\"}"),
                step("lookup", "{\"id\": \"B\"}"));
        ShadowComparison.Verdict secret = comparison.judge(predicted("pay", "{\"card_number\": \"4111111111111111\"}"),
                step("pay", "{\"card_number\": \"4000000000000002\"}"));
        ShadowComparison.Verdict extra = comparison.judge(predicted("lookup", "{\"id\": \"A\"}"),
                step("lookup", "{\"id\": \"A\", \"verbose\": true}"));

        assertThat(differs.reason()).isEqualTo("lookup argument id: predicted \"A\", the agent passed \"B\"");
        assertThat(secret.agreed()).isFalse();
        assertThat(secret.reason()).contains("card_number").doesNotContain("4111").doesNotContain("4000").contains("***");
        assertThat(extra.reason()).isEqualTo("lookup argument verbose: predicted nothing, the agent passed true");
    }

    @Test
    void shouldDisagreeWhenTheProcedureCouldNotResolveItsCall() throws Exception {
        Prediction unresolved = new Prediction(userReservations("p-1", ProcedureStatus.SHADOW), 1,
                "get_reservation_details", null, "foreach of step 1 reads $.steps[0].result.reservations, which is missing");

        ShadowComparison.Verdict verdict = comparison.judge(unresolved, step("get_reservation_details", "{}"));

        assertThat(verdict.agreed()).isFalse();
        assertThat(verdict.reason()).startsWith("the procedure would have escalated before get_reservation_details");
    }

    private static Prediction predicted(String tool, String arguments) throws Exception {
        return new Prediction(userReservations("p-1", ProcedureStatus.SHADOW), 1, tool,
                (ObjectNode) JSON.readTree(arguments), null);
    }

    private static ObservedStep step(String tool, String arguments) throws Exception {
        JsonNode parsed = JSON.readTree(arguments);
        return ObservedStep.of(tool, parsed);
    }
}
