package io.procmem.miner.candidates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleTest {

    @Test
    void shouldKeepAtMostTheCapAndTheSameOccurrencesOnEveryReplay() {
        Sample first = offerAll(100, 6);
        Sample again = offerAll(100, 6);

        assertThat(first.occurrences()).hasSize(6).isEqualTo(again.occurrences());
        assertThat(first.offered()).isEqualTo(100);
        assertThat(first.occurrences()).extracting(Occurrence::sessionId).as("later occurrences get slots too")
                .anyMatch(id -> Integer.parseInt(id.substring(1)) >= 6);
    }

    @Test
    void shouldSplitTheSampleIntoAnInferenceAndAValidationHalf() {
        Sample five = offerAll(5, 20);

        assertThat(five.inference()).extracting(Occurrence::sessionId).containsExactly("s0", "s1", "s2");
        assertThat(five.validation()).extracting(Occurrence::sessionId).containsExactly("s3", "s4");
    }

    @Test
    void shouldOnlyCountUnsampleableOccurrences() {
        Sample sample = Sample.empty().offer(new Occurrence("s", 0, List.of(), Map.of(), null, false), 5);

        assertThat(sample.occurrences()).isEmpty();
        assertThat(sample.unsampled()).isEqualTo(1);
    }

    private static Sample offerAll(int count, int cap) {
        Sample sample = Sample.empty();
        for (int i = 0; i < count; i++) {
            sample = sample.offer(new Occurrence("s" + i, 0, List.of(), Map.of(), null, true), cap);
        }
        return sample;
    }
}
