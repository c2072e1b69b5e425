package io.procmem.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmem.schemas.shape.StepShapes;
import org.junit.jupiter.api.Test;

class StepShapesTest {

    @Test
    void shouldIgnoreValuesAndArgumentOrder() {
        assertThat(StepShapes.of("search", "{\"origin\":\"JFK\",\"destination\":\"SEA\",\"date\":\"2024-05-20\"}"))
                .isEqualTo(StepShapes.of("search", "{\"date\":\"2024-05-21\",\"destination\":\"LAX\",\"origin\":\"EWR\"}"))
                .isEqualTo("search(date,destination,origin)");
    }

    @Test
    void shouldTellCallsWithDifferentArgumentNamesApart() {
        assertThat(StepShapes.of("get", "{\"a\":1}")).isNotEqualTo(StepShapes.of("get", "{\"a\":1,\"b\":2}"));
        assertThat(StepShapes.of("list", "")).isEqualTo("list()");
    }

    @Test
    void shouldRejectArgumentsThatAreNotAnObject() {
        assertThatThrownBy(() -> StepShapes.of("t", "[1,2]")).hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> StepShapes.of("t", "{oops")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> StepShapes.of(" ", "{}")).hasMessageContaining("tool name is empty");
    }
}
