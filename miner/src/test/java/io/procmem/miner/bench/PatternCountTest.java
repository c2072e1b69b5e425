package io.procmem.miner.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PatternCountTest {

    @Test
    void shouldCountDistinctSequencesOfAbstractStepsNotSpanningAFailure() {
        Episode episode = new Episode("e", null, List.of(call("a", "{\"x\":1}", false), call("b", "{}", false),
                call("c", "{}", true), call("a", "{\"x\":2}", false), call("b", "{}", false)));

        // a(x) > b() occurs twice with other values; c failed, so no sequence crosses it.
        assertThat(PatternCount.distinct(List.of(episode, episode), 2, 6)).isEqualTo(1);
    }

    private static Episode.Call call(String tool, String arguments, boolean failed) {
        return new Episode.Call(tool, arguments, "{}", failed);
    }
}
