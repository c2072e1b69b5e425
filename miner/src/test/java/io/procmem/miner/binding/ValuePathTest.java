package io.procmem.miner.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmem.miner.abstraction.Values;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValuePathTest {

    @Test
    void shouldParseWriteAndReadTheContractSubset() {
        ValuePath path = ValuePath.parse(".reservations[1].flights[0].date");

        assertThat(path.segments()).containsExactly("reservations", 1, "flights", 0, "date");
        assertThat(path).hasToString(".reservations[1].flights[0].date");
        assertThat(path.generalized()).isEqualTo(".reservations[*].flights[*].date");
        assertThat(path.read(Values.parse("{\"reservations\":[{},{\"flights\":[{\"date\":\"d1\"}]}]}")).asText()).isEqualTo("d1");
        assertThat(ValuePath.parse("")).isEqualTo(ValuePath.ROOT);
    }

    @Test
    void shouldReadNothingWhereTheValueHasAnotherShape() {
        assertThat(ValuePath.parse(".a[3]").read(Values.parse("{\"a\":[1]}"))).isNull();
        assertThat(ValuePath.parse(".a.b").read(Values.parse("{\"a\":[1]}"))).isNull();
        assertThat(ValuePath.parse("[0]").read(Values.parse("{\"0\":1}"))).isNull();
    }

    @Test
    void shouldRejectTextOutsideTheSubset() {
        assertThatThrownBy(() -> ValuePath.parse(".a[*]")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("character 2");
        assertThatThrownBy(() -> ValuePath.parse("a")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ValuePath.expressible("a.b")).isFalse();
        assertThat(new ValuePath(List.of("x", 2)).prefix(1)).hasToString(".x");
    }
}
