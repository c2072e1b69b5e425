package io.procmem.miner.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmem.avro.AgentEvent;
import io.procmem.avro.SessionOutcome;
import io.procmem.avro.SessionStarted;
import io.procmem.miner.Events;
import io.procmem.miner.Events.Call;
import org.junit.jupiter.api.Test;

class EventValidatorTest {

    @Test
    void shouldAcceptAWellFormedStepKeyedBySessionId() {
        assertThat(EventValidator.problem("s1", Events.step("s1", 0, Call.ok("lookup", "{\"id\":1}")))).isEmpty();
        assertThat(EventValidator.problem("s1", Events.step("s1", 0, Call.ok("lookup", "")))).as("blank = no arguments").isEmpty();
    }

    @Test
    void shouldRejectAnEventKeyedByAnotherSession() {
        assertThat(EventValidator.problem("other", Events.started("s1", "a1")))
                .hasValueSatisfying(p -> assertThat(p).contains("record key 'other'").contains("session_id"));
    }

    @Test
    void shouldRejectAStepWhoseArgumentsAreNotAJsonObject() {
        assertThat(EventValidator.problem("s1", Events.step("s1", 3, Call.ok("lookup", "[1,2]"))))
                .hasValueSatisfying(p -> assertThat(p).contains("ToolStep.arguments_json of step 3").contains("ARRAY"));
        assertThat(EventValidator.problem("s1", Events.step("s1", 3, Call.ok("lookup", "{oops"))))
                .hasValueSatisfying(p -> assertThat(p).contains("not valid JSON"));
    }

    @Test
    void shouldRejectAStepWithAnEmptyToolName() {
        assertThat(EventValidator.problem("s1", Events.step("s1", 0, Call.ok(" ", "{}"))))
                .hasValueSatisfying(p -> assertThat(p).contains("ToolStep.tool is empty"));
    }

    @Test
    void shouldRejectAStepWhoseResultIsNotJson() {
        assertThat(EventValidator.problem("s1", Events.step("s1", 2, Call.ok("lookup", "{}", "{\"a\":"))))
                .hasValueSatisfying(p -> assertThat(p).contains("ToolStep.result_json of step 2 (lookup) is not valid JSON"));
        assertThat(EventValidator.problem("s1", Events.step("s1", 2, Call.ok("lookup", "{}", "\"plain text\"")))).isEmpty();
    }

    @Test
    void shouldFindSyntaxErrorsDeepInsideAResultItDoesNotBuild() {
        assertThat(EventValidator.problem("s1", Events.step("s1", 2,
                Call.ok("lookup", "{}", "{\"a\":{\"b\":[1,{\"c\":tru}]}}"))))
                .hasValueSatisfying(p -> assertThat(p).contains("result_json of step 2 (lookup) is not valid JSON"));
        assertThat(EventValidator.problem("s1", Events.step("s1", 2, Call.ok("lookup", "{}", "{\"a\":[1,2}"))))
                .hasValueSatisfying(p -> assertThat(p).contains("is not valid JSON"));
        assertThat(EventValidator.problem("s1", Events.step("s1", 2, Call.ok("lookup", "{}", "   "))))
                .hasValueSatisfying(p -> assertThat(p).contains("result_json of step 2 (lookup) is empty; expected JSON"));
        assertThat(EventValidator.problem("s1", Events.step("s1", 2,
                Call.ok("lookup", "{}", "{\"a\":{\"b\":[1,{\"c\":true}]},\"d\":\"\u00e9\"}")))).isEmpty();
    }

    @Test
    void shouldRejectRequestParametersThatAreNotAnObject() {
        AgentEvent started = Events.started("s1", "a1");
        ((SessionStarted) started.getPayload()).setRequestParamsJson("[1]");

        assertThat(EventValidator.problem("s1", started))
                .hasValueSatisfying(p -> assertThat(p).contains("SessionStarted.request_params_json must be a JSON object, got ARRAY"));
    }

    @Test
    void shouldRejectANegativeStepCount() {
        assertThat(EventValidator.problem("s1", Events.ended("s1", SessionOutcome.SUCCESS, -1)))
                .hasValueSatisfying(p -> assertThat(p).contains("step_count is negative"));
    }
}
