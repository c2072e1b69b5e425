package io.procmem.miner.candidates;

import io.procmem.miner.binding.ArgumentObservation;
import io.procmem.miner.binding.Source;
import io.procmem.miner.binding.StepObservation;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Running figures of one candidate (one signature): counts, a sample of occurrences and what its FREE inputs held.
 * Part of the {@code candidate-stats} value (JSON: components are the stored form). Immutable.
 *
 * <p>How it grows: the counts are fixed-size; {@link Tally#agents()} holds at most {@value Tally#MAX_TRACKED_AGENTS}
 * ids; {@code freeValues} has one entry per input of the routine (each value at most
 * {@value FreeValue#MAX_VALUE_CHARS} characters); the sample holds at most {@code sampleCap} occurrences, each with
 * its calls and the results its bindings read, every result at most {@code miner.sample.max.result.bytes}. So a
 * value stays below about {@code sampleCap x (maxLength - 1) x maxResultBytes} plus the calls, however long the
 * candidate is counted; {@code MinerConfig} refuses settings that would pass the changelog's record size limit.
 *
 * @param firstStep  the abstract step the candidate starts with
 * @param sequence   its abstract steps with loop marks
 * @param tools      its tool names in order
 * @param freeValues FREE input name to what it held
 */
public record CandidateStats(String firstStep, String sequence, List<String> tools, Tally tally, Sample sample,
                             Map<String, FreeValue> freeValues) {
    public CandidateStats {
        tools = List.copyOf(tools);
        freeValues = new TreeMap<>(freeValues);
    }

    public static CandidateStats none() {
        return new CandidateStats(null, null, List.of(), Tally.none(), Sample.empty(), Map.of());
    }

    /** These figures plus one session's occurrences of the candidate (at least one), at stream time {@code nowMs}. */
    public CandidateStats add(Observation session, List<Occurrence> occurrences, int sampleCap, long nowMs) {
        Occurrence first = occurrences.get(0);
        Sample more = sample;
        Map<String, FreeValue> values = new TreeMap<>(freeValues);
        for (Occurrence occurrence : occurrences) {
            more = more.offer(occurrence, sampleCap);
            addFreeValues(occurrence, values);
        }
        return new CandidateStats(session.firstStep(), first.sequence(),
                first.steps().stream().map(StepObservation::tool).toList(),
                tally.add(session, occurrences.size(), nowMs), more, values);
    }

    private static void addFreeValues(Occurrence occurrence, Map<String, FreeValue> values) {
        Set<String> counted = new HashSet<>();
        for (StepObservation step : occurrence.steps()) {
            for (ArgumentObservation argument : step.arguments()) {
                // Arguments sharing an input hold the same value: count the input once per occurrence.
                if (argument.source() == Source.FREE && counted.add(argument.exact())) {
                    values.merge(argument.exact(), FreeValue.first(argument.valueJson(), argument.inRequest()),
                            (old, added) -> old.add(argument.valueJson(), argument.inRequest()));
                }
            }
        }
    }
}
