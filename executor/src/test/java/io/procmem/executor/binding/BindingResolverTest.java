package io.procmem.executor.binding;

import static io.procmem.executor.Routines.constant;
import static io.procmem.executor.Routines.input;
import static io.procmem.executor.Routines.item;
import static io.procmem.executor.Routines.param;
import static io.procmem.executor.Routines.step;
import static io.procmem.executor.Routines.stepResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.procmem.avro.ArgumentBinding;
import io.procmem.avro.ProcedureStep;
import io.procmem.avro.SideEffect;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BindingResolverTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode USER = json("""
            {"user_id": "mia_li_3668", "name": {"first_name": "Mia"}, "reservations": ["NO6JO3", "AIXC49"]}""");

    private final BindingResolver resolver = new BindingResolver();
    private final RunContext context = new RunContext(Map.of("user_id", json("\"mia_li_3668\"")),
            json("{\"origin\": \"JFK\", \"count\": 2}"), List.of(USER));

    @Test
    void shouldResolveEveryKindOfBinding() throws Exception {
        ProcedureStep step = step(1, "tool", SideEffect.READ, null, input("user_id"), param("origin", "$.request.params.origin"),
                stepResult("first", "$.steps[0].result.name.first_name"), stepResult("second", "$.steps[0].result.reservations[1]"),
                constant("cabin", "\"economy\""), constant("limit", "3"));

        assertThat(resolver.arguments(step, context, null)).isEqualTo(json("""
                {"user_id": "mia_li_3668", "origin": "JFK", "first": "Mia", "second": "AIXC49",
                 "cabin": "economy", "limit": 3}"""));
    }

    @Test
    void shouldReadTheLoopElementAndTheListOfAForeachStep() throws Exception {
        ProcedureStep step = step(1, "get_reservation_details", SideEffect.READ, "$.steps[0].result.reservations",
                item("reservation_id", "$.item"));

        JsonNode list = resolver.foreachList(step, context);

        assertThat(list).isEqualTo(json("[\"NO6JO3\", \"AIXC49\"]"));
        assertThat(resolver.arguments(step, context, list.get(1))).isEqualTo(json("{\"reservation_id\": \"AIXC49\"}"));
        assertThat(resolver.arguments(step(1, "t", SideEffect.READ, "$.steps[0].result.reservations", item("n", "$.item.id")),
                context, json("{\"id\": 7}"))).isEqualTo(json("{\"n\": 7}"));
    }

    @Test
    void shouldNameArgumentAndPathWhenAStepResultLacksTheField() {
        UnresolvedBinding failure = unresolved(stepResult("email", "$.steps[0].result.email"));

        assertThat(failure.argument()).isEqualTo("email");
        assertThat(failure.path()).isEqualTo("$.steps[0].result.email");
        assertThat(failure).hasMessageContaining("does not have");
    }

    @Test
    void shouldRefuseAListIndexPastTheEnd() {
        assertThat(unresolved(stepResult("third", "$.steps[0].result.reservations[2]")).path())
                .isEqualTo("$.steps[0].result.reservations[2]");
    }

    @Test
    void shouldRefuseAnInputThatWasNotGiven() {
        UnresolvedBinding failure = unresolved(input("email"));

        assertThat(failure.argument()).isEqualTo("email");
        assertThat(failure).hasMessageContaining("needs input 'email'");
    }

    @Test
    void shouldRefuseARequestParameterTheRequestDoesNotHave() {
        assertThat(unresolved(param("destination", "$.request.params.destination")))
                .hasMessageContaining("request parameter 'destination'");
        RunContext noParams = new RunContext(Map.of(), null, List.of());
        assertThat(catchThrowableOfType(UnresolvedBinding.class, () -> resolver.arguments(
                step(0, "t", SideEffect.READ, null, param("origin", "$.request.params.origin")), noParams, null)))
                .hasMessageContaining("request parameter 'origin'");
    }

    @Test
    void shouldRefuseAStepResultOfAStepThatHasNotRunBefore() {
        UnresolvedBinding failure = unresolved(stepResult("x", "$.steps[1].result.x"));

        assertThat(failure).hasMessageContaining("reads step 1, which does not run before step 1");
    }

    @Test
    void shouldRefuseAMalformedSourceNamingIt() {
        UnresolvedBinding failure = unresolved(stepResult("x", "$.steps[0].output.x"));

        assertThat(failure.path()).isEqualTo("$.steps[0].output.x");
        assertThat(failure).hasMessageContaining("not of the form $.steps[i].result<path>");
        assertThat(unresolved(stepResult("y", "$.steps[0].result..y"))).hasMessageContaining("stops at character 0");
    }

    @Test
    void shouldRefuseAConstantThatIsNotJsonButAcceptANullConstant() throws Exception {
        assertThat(unresolved(constant("cabin", "economy")).path()).isEqualTo("constant_json");
        assertThat(resolver.arguments(step(1, "t", SideEffect.READ, null, constant("note", "null")), context, null))
                .isEqualTo(json("{\"note\": null}"));
    }

    @Test
    void shouldRefuseALoopElementOutsideAForeachStep() {
        assertThat(unresolved(item("reservation_id", "$.item"))).hasMessageContaining("has no foreach");
    }

    @Test
    void shouldRefuseAForeachPathThatHoldsNoList() {
        ProcedureStep step = step(1, "t", SideEffect.READ, "$.steps[0].result.name", item("n", "$.item"));

        UnresolvedBinding failure = catchThrowableOfType(UnresolvedBinding.class, () -> resolver.foreachList(step, context));

        assertThat(failure.argument()).isNull();
        assertThat(failure.path()).isEqualTo("$.steps[0].result.name");
        assertThat(failure).hasMessageContaining("holds OBJECT, not a list");
    }

    @Test
    void shouldTreatAJsonNullResultValueAsMissing() {
        RunContext withNull = new RunContext(Map.of(), null, List.of(json("{\"email\": null}")));

        assertThat(catchThrowableOfType(UnresolvedBinding.class, () -> resolver.arguments(
                step(1, "t", SideEffect.READ, null, stepResult("email", "$.steps[0].result.email")), withNull, null)))
                .hasMessageContaining("does not have");
    }

    private UnresolvedBinding unresolved(ArgumentBinding binding) {
        return catchThrowableOfType(UnresolvedBinding.class,
                () -> resolver.arguments(step(1, "tool", SideEffect.READ, null, binding), context, null));
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
