package io.procmem.eval.replay;

import static io.procmem.eval.replay.Steps.episode;
import static io.procmem.eval.replay.Steps.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.procmem.eval.replay.ReplayedCall.Kind;
import io.procmem.executor.gateway.ToolCallException;
import io.procmem.executor.gateway.ToolInvocation;
import org.junit.jupiter.api.Test;

class RecordReplayGatewayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Episode episode = episode(
            ok(0, "get_user", "{\"user_id\":\"u1\"}", "{\"orders\":[\"o1\"]}", 1),
            ok(1, "get_order", "{\"order_id\":\"o1\",\"n\":1}", "{\"status\":\"shipped\"}", 1),
            ok(2, "get_order", "{\"order_id\":\"o2\"}", "{\"status\":\"lost\"}", 2));

    @Test
    void shouldAnswerWithTheRecordedResultWhenToolAndCanonicalArgumentsMatch() throws Exception {
        RecordReplayGateway gateway = new RecordReplayGateway(episode, 1);

        var result = gateway.call(invocation("get_order", "{\"n\":1.0,\"order_id\":\"o1\"}"));

        assertThat(result.get("status").asText()).isEqualTo("shipped");
        assertThat(gateway.calls()).singleElement().satisfies(call -> assertThat(call.kind()).isEqualTo(Kind.MATCH));
    }

    @Test
    void shouldFailTheCallNamingTheArgumentKeysWhenArgumentsDiffer() {
        RecordReplayGateway gateway = new RecordReplayGateway(episode, 1);

        assertThatThrownBy(() -> gateway.call(invocation("get_order", "{\"order_id\":\"o9\",\"n\":1}")))
                .isInstanceOf(ToolCallException.class).hasMessageContaining("call differs from the agent's")
                .hasMessageContaining("[order_id]").hasMessageNotContaining("o9");
        assertThat(gateway.calls()).singleElement().satisfies(call -> assertThat(call.kind()).isEqualTo(Kind.OTHER_ARGUMENTS));
    }

    @Test
    void shouldCountAStopWhenTheAgentRepliedToTheUserBeforeItsNextCall() {
        RecordReplayGateway gateway = new RecordReplayGateway(episode, 2);

        assertThatThrownBy(() -> gateway.call(invocation("get_order", "{\"order_id\":\"o2\"}")))
                .hasMessageContaining("agent stopped here: replied to the user");
        assertThat(gateway.calls().get(0).kind()).isEqualTo(Kind.REPLIED_TO_USER);
    }

    @Test
    void shouldCountAStopWhenTheSessionHadEnded() {
        RecordReplayGateway gateway = new RecordReplayGateway(episode, 3);

        assertThatThrownBy(() -> gateway.call(invocation("get_order", "{}"))).hasMessageContaining("session ended");
        assertThat(gateway.calls().get(0).kind()).isEqualTo(Kind.SESSION_ENDED);
    }

    @Test
    void shouldCountAnotherToolAsADifferentCall() {
        RecordReplayGateway gateway = new RecordReplayGateway(episode, 1);

        assertThatThrownBy(() -> gateway.call(invocation("cancel_order", "{\"order_id\":\"o1\",\"n\":1}")))
                .hasMessageContaining("the agent called get_order");
        assertThat(gateway.calls().get(0).kind()).isEqualTo(Kind.OTHER_TOOL);
    }

    private static ToolInvocation invocation(String tool, String arguments) throws Exception {
        return new ToolInvocation(tool, (ObjectNode) JSON.readTree(arguments), null);
    }
}
