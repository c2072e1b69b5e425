package io.procmem.executor.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmem.executor.api.ApiException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestMessagesTest {

    @Test
    void shouldReadTheContinuationBodyAndItsReplyTopic() {
        RequestMessages.Request request = RequestMessages.parse(bytes("""
                {"sessionId": "s-1", "replyTo": "my.answers", "steps": [{"tool": "t", "arguments": {"a": 1}}]}"""),
                "procmem.responses");

        assertThat(request.replyTo()).isEqualTo("my.answers");
        assertThat(request.session().sessionId()).isEqualTo("s-1");
        assertThat(request.session().steps()).hasSize(1);
    }

    @Test
    void shouldAnswerOnTheDefaultTopicWhenNoReplyToIsGiven() {
        assertThat(RequestMessages.parse(bytes("{\"steps\": [{\"tool\": \"t\"}]}"), "procmem.responses").replyTo())
                .isEqualTo("procmem.responses");
    }

    @Test
    void shouldNameTheFieldAtFault() {
        assertThatThrownBy(() -> RequestMessages.parse(bytes("{\"steps\": [{\"arguments\": {}}]}"), "r"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).isEqualTo("steps[0].tool"));
        assertThatThrownBy(() -> RequestMessages.parse(bytes("{\"replyTo\": \"no spaces\", \"steps\": []}"), "r"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).isEqualTo("replyTo"));
        assertThatThrownBy(() -> RequestMessages.parse(null, "r"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).isEqualTo("value"));
        assertThatThrownBy(() -> RequestMessages.parse(bytes("{not json"), "r"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).isEqualTo("body"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
