package io.procmem.miner.candidates;

import io.procmem.miner.binding.ArgumentObservation;
import io.procmem.miner.binding.Source;
import io.procmem.miner.binding.StepObservation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * <p>{@code freeValues} is held sorted and read-only; counting copies it once per session, and not at all when the
 * occurrences have no FREE input.
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
        freeValues = SortedViews.sortedMap(freeValues);
    }

    public static CandidateStats none() {
        return new CandidateStats(null, null, List.of(), Tally.none(), Sample.empty(), Map.of());
    }

    /**
     * These figures plus one session's occurrences of the candidate (at least one), at stream time {@code nowMs};
     * {@code firstSteps} is how many times the first step was counted before this session (see {@link Tally}).
     */
    public CandidateStats add(Observation session, List<Occurrence> occurrences, int sampleCap, long nowMs,
                              long firstSteps) {
        Occurrence first = occurrences.get(0);
        Sample more = sample;
        TreeMap<String, FreeValue> values = null;
        for (Occurrence occurrence : occurrences) {
            more = more.offer(occurrence, sampleCap);
            values = addFreeValues(occurrence, values);
        }
        return new CandidateStats(session.firstStep(), first.sequence(), toolsOf(first),
                tally.add(session, occurrences.size(), nowMs, firstSteps), more,
                values == null ? freeValues : SortedViews.owning(values));
    }

    /** The occurrence's tool names: these figures' list when it holds the same (it does for one signature). */
    private List<String> toolsOf(Occurrence occurrence) {
        List<StepObservation> steps = occurrence.steps();
        boolean same = steps.size() == tools.size();
        for (int i = 0; same && i < steps.size(); i++) {
            same = Objects.equals(steps.get(i).tool(), tools.get(i));
        }
        if (same) {
            return tools;
        }
        List<String> names = new ArrayList<>(steps.size());
        steps.forEach(step -> names.add(step.tool()));
        return names;
    }

    /**
     * Counts the occurrence's FREE inputs into {@code values}, which is null until an input is counted: then it
     * starts as a copy of these figures' values. Returns it.
     */
    private TreeMap<String, FreeValue> addFreeValues(Occurrence occurrence, TreeMap<String, FreeValue> values) {
        Set<String> counted = null;
        for (StepObservation step : occurrence.steps()) {
            for (ArgumentObservation argument : step.arguments()) {
                if (argument.source() != Source.FREE) {
                    continue;
                }
                if (counted == null) {
                    counted = new HashSet<>();
                }
                // Arguments sharing an input hold the same value: count the input once per occurrence.
                if (counted.add(argument.exact())) {
                    if (values == null) {
                        values = SortedViews.mutableCopy(freeValues);
                    }
                    // FreeValue.first parses the value for its JSON type: only an input seen first needs it.
                    FreeValue before = values.get(argument.exact());
                    values.put(argument.exact(), before == null ? FreeValue.first(argument.valueJson(), argument.inRequest())
                            : before.add(argument.valueJson(), argument.inRequest()));
                }
            }
        }
        return values;
    }
}
