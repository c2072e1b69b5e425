package io.procmem.schemas.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValuePathTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldParseWriteAndReadTheContractSubset() {
        ValuePath path = ValuePath.parse(".reservations[1].flights[0].date");

        assertThat(path.segments()).containsExactly("reservations", 1, "flights", 0, "date");
        assertThat(path).hasToString(".reservations[1].flights[0].date");
        assertThat(path.generalized()).isEqualTo(".reservations[*].flights[*].date");
        assertThat(path.read(json("{\"reservations\":[{},{\"flights\":[{\"date\":\"d1\"}]}]}")).asText()).isEqualTo("d1");
        assertThat(ValuePath.parse("")).isEqualTo(ValuePath.ROOT);
    }

    @Test
    void shouldReadNothingWhereTheValueHasAnotherShape() {
        assertThat(ValuePath.parse(".a[3]").read(json("{\"a\":[1]}"))).isNull();
        assertThat(ValuePath.parse(".a.b").read(json("{\"a\":[1]}"))).isNull();
        assertThat(ValuePath.parse("[0]").read(json("{\"0\":1}"))).isNull();
    }

    @Test
    void shouldTreatAJsonNullAsAbsentOnlyWhenAskedForAPresentValue() {
        JsonNode value = json("{\"a\":null,\"b\":0}");

        assertThat(ValuePath.parse(".a").read(value).isNull()).isTrue();
        assertThat(ValuePath.parse(".a").readPresent(value)).isNull();
        assertThat(ValuePath.parse(".b").readPresent(value).asInt()).isZero();
        assertThat(ValuePath.ROOT.readPresent(null)).isNull();
    }

    @Test
    void shouldRejectTextOutsideTheSubset() {
        assertThatThrownBy(() -> ValuePath.parse(".a[*]")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stops at character 2");
        assertThatThrownBy(() -> ValuePath.parse("a")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ValuePath.expressible("a.b")).isFalse();
        assertThat(new ValuePath(List.of("x", 2)).prefix(1)).hasToString(".x");
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
