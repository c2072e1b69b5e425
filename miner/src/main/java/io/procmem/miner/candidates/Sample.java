package io.procmem.miner.candidates;

import java.util.ArrayList;
import java.util.List;

/**
 * A bounded, deterministic reservoir of a candidate's occurrences, for inferring its bindings (the first half of
 * the slots) and replaying it on occurrences that inference did not see (the rest). Part of the
 * {@code candidate-stats} value (JSON).
 *
 * <p>Reservoir sampling keeps every occurrence with equal chance, but the slot to replace is drawn from a hash of
 * the occurrence and its ordinal rather than a random generator, so replaying the steps topic rebuilds the same
 * sample. Unsampleable occurrences (too large) are only counted.
 *
 * @param occurrences the sampled occurrences, at most the cap
 * @param offered     sampleable occurrences offered so far
 * @param unsampled   occurrences that could not be sampled because a result they read was too large
 * @param changes     how many times the kept occurrences changed (an occurrence added or a slot replaced): equal
 *                    counts of one candidate mean the same occurrences, so a review can tell that its sample is the
 *                    one it replayed before (0 in state written before this field existed)
 */
public record Sample(List<Occurrence> occurrences, long offered, long unsampled, long changes) {
    public Sample {
        occurrences = List.copyOf(occurrences);
    }

    public Sample(List<Occurrence> occurrences, long offered, long unsampled) {
        this(occurrences, offered, unsampled, 0);
    }

    public static Sample empty() {
        return new Sample(List.of(), 0, 0, 0);
    }

    /** This sample after offering one occurrence, keeping at most {@code cap}. */
    public Sample offer(Occurrence occurrence, int cap) {
        if (!occurrence.sampleable()) {
            return new Sample(occurrences, offered, unsampled + 1, changes);
        }
        long ordinal = offered + 1;
        if (occurrences.size() < cap) {
            List<Occurrence> kept = new ArrayList<>(occurrences);
            kept.add(occurrence);
            return new Sample(kept, ordinal, unsampled, changes + 1);
        }
        long slot = Math.floorMod(mix(occurrence.sessionId().hashCode() * 31L + occurrence.firstIndex(), ordinal), ordinal);
        if (slot >= cap) {
            return new Sample(occurrences, ordinal, unsampled, changes);
        }
        List<Occurrence> kept = new ArrayList<>(occurrences);
        kept.set((int) slot, occurrence);
        return new Sample(kept, ordinal, unsampled, changes + 1);
    }

    /** The slots bindings are inferred from: the first half, rounded up. */
    public List<Occurrence> inference() {
        return occurrences.subList(0, (occurrences.size() + 1) / 2);
    }

    /** The slots the validation review replays: those inference did not see. */
    public List<Occurrence> validation() {
        return occurrences.subList((occurrences.size() + 1) / 2, occurrences.size());
    }

    /** SplitMix64's finaliser over the two inputs: a well-spread hash with no state. */
    private static long mix(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
