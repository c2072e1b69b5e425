package io.procmem.executor.runner;

import static io.procmem.executor.runner.ProcedureRunnerTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RedactorTest {
    private final Redactor redactor = Redactor.defaults();

    @Test
    void shouldMaskSensitiveArgumentsAtAnyDepthAndKeepTheRest() {
        assertThat(redactor.redact(json("""
                {"user_id": "mia", "password": "hunter22", "payment": {"card_number": "4111111111111111", "cvv": 123},
                 "travellers": [{"ssn": "078-05-1120", "name": "Mia"}], "API-Key": "k", "apiKey": "k2", "api_key": "k3"}""")))
                .isEqualTo(json("""
                {"user_id": "mia", "password": "***", "payment": {"card_number": "***", "cvv": "***"},
                 "travellers": [{"ssn": "***", "name": "Mia"}], "API-Key": "***", "apiKey": "***", "api_key": "***"}"""));
    }

    @Test
    void shouldLeaveTheOriginalUntouched() {
        var original = json("{\"token\": \"abc\"}");

        redactor.redact(original);

        assertThat(original.get("token").asText()).isEqualTo("abc");
    }

    @Test
    void shouldMaskSensitiveValuesInsideFreeText() {
        assertThat(redactor.redactText("Error: card 4111111111111111 declined for mia",
                json("{\"card\": \"4111111111111111\", \"user_id\": \"mia\"}")))
                .isEqualTo("Error: card *** declined for mia");
    }

    @Test
    void shouldRedactAFailedCallsArgumentsAndError() {
        ToolCall call = new ToolCall(1, null, "pay", json("{\"card\": \"4111\", \"amount\": 5}"), null,
                "card 4111 refused", 1);

        ToolCall redacted = redactor.redact(call);

        assertThat(redacted.arguments()).isEqualTo(json("{\"card\": \"***\", \"amount\": 5}"));
        assertThat(redacted.error()).isEqualTo("card *** refused");
    }

    @Test
    void shouldFollowAConfiguredPattern() {
        Redactor custom = new Redactor(Pattern.compile("(?i)pin"));

        assertThat(custom.redact(json("{\"pin\": \"1234\", \"password\": \"x\"}")))
                .isEqualTo(json("{\"pin\": \"***\", \"password\": \"x\"}"));
    }
}
