package io.procmem.miner.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.procmem.avro.BindingKind;
import io.procmem.avro.SessionOutcome;
import io.procmem.miner.Mining;
import io.procmem.miner.Sessions;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutineInferenceTest {
    private static final String SEQUENCE = "search(limit,text) > open(id)";

    @Test
    void shouldCompileAValueThatNeverChangesToAConstantAndTheOthersToTypedInputs() {
        Mining mining = new Mining(Map.of());
        mining.feed(Routines.sessions(0, 6, i -> Sessions.session("s" + i, "agent", SessionOutcome.SUCCESS,
                "find text" + i + " for me", "search", "{\"limit\":10,\"text\":\"text" + i + "\"}", "{\"hit\":\"h" + i + "\"}",
                "open", "{\"id\":\"h" + i + "\"}", "{}")));

        Routine routine = RoutineInference.infer(mining.candidate(SEQUENCE).stats(), ToolEffects.defaults()).orElseThrow();

        assertThat(routine.steps().get(0).arguments()).extracting(Routine.Binding::kind, Routine.Binding::source,
                Routine.Binding::constantJson).containsExactly(tuple(BindingKind.CONSTANT, null, "10"),
                tuple(BindingKind.INPUT, "text", null));
        assertThat(routine.steps().get(1).arguments().get(0).source()).isEqualTo("$.steps[0].result.hit");
        assertThat(routine.inputs()).singleElement().isEqualTo(new Routine.Input("text", "string", "given in the request"));
        assertThat(routine.inferredFrom()).isEqualTo(3);
    }

    @Test
    void shouldTypeAnInputByItsValuesAndLeaveItUndescribedWhenNotInTheRequest() {
        Mining mining = new Mining(Map.of());
        mining.feed(Routines.sessions(0, 6, i -> Sessions.session("s" + i, "agent", SessionOutcome.SUCCESS, "hello",
                "search", "{\"limit\":" + i + ",\"text\":\"t\"}", "{\"hit\":\"h" + i + "\"}", "open", "{\"id\":\"h" + i + "\"}", "{}")));

        Routine routine = RoutineInference.infer(mining.candidate(SEQUENCE).stats(), ToolEffects.defaults()).orElseThrow();

        assertThat(routine.inputs()).singleElement().isEqualTo(new Routine.Input("limit", "integer", null));
    }
}
