package io.procmem.miner.candidates;

import io.procmem.miner.abstraction.ObservedStep;
import io.procmem.miner.abstraction.SessionRuns;
import io.procmem.miner.binding.ArgumentObservation;
import io.procmem.miner.binding.BoundWindow;
import io.procmem.miner.binding.FoldedStep;
import io.procmem.miner.binding.LoopFolder;
import io.procmem.miner.binding.Request;
import io.procmem.miner.binding.Source;
import io.procmem.miner.binding.StepObservation;
import io.procmem.miner.binding.WindowBinder;
import io.procmem.miner.session.FinishedSession;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a finished session into observations: splits it into runs ({@link SessionRuns}), folds loops
 * ({@link LoopFolder}), then binds every window of {@code minLength..maxLength} folded steps ({@link WindowBinder})
 * and groups the windows by their first step. Loops are folded first, so "a user, then each of their 3 reservations"
 * and "... of their 2 reservations" are the same two-step window.
 *
 * <p>Known limit: the work per session is about folded steps x maxLength step bindings (the windows starting at one
 * step are bound together, each the previous one plus a step), each binding scanning the window's earlier results;
 * long sessions with a large maxLength cost the most.
 */
public final class CandidateExtractor {
    private final int minLength;
    private final int maxLength;
    private final LearnFrom learnFrom;
    private final int maxResultBytes;

    /** @param maxResultBytes a result (or request parameters) larger than this (UTF-8) makes an occurrence unsampleable */
    public CandidateExtractor(int minLength, int maxLength, LearnFrom learnFrom, int maxResultBytes) {
        if (minLength < 1 || maxLength < minLength) {
            throw new IllegalArgumentException("need 1 <= minLength <= maxLength, got " + minLength + ".." + maxLength);
        }
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.learnFrom = learnFrom;
        this.maxResultBytes = maxResultBytes;
    }

    /** One observation per distinct first step, in order of first appearance; empty when the outcome is not learned. */
    public List<Observation> extract(FinishedSession session) {
        if (!learnFrom.accepts(session.outcome())) {
            return List.of();
        }
        Request request = Request.of(session.requestText(), session.requestParamsJson());
        Map<String, Integer> firstCounts = new LinkedHashMap<>();
        Map<String, List<Occurrence>> byFirst = new LinkedHashMap<>();
        Map<String, Boolean> fitting = new IdentityHashMap<>();
        for (List<ObservedStep> run : SessionRuns.of(session)) {
            List<FoldedStep> folded = LoopFolder.fold(run);
            WindowBinder.Windows windows = new WindowBinder.Windows(folded, request);
            for (int from = 0; from < folded.size(); from++) {
                if (folded.get(from).loop() != null) {
                    continue;
                }
                String first = folded.get(from).sequencePart();
                firstCounts.merge(first, 1, Integer::sum);
                int firstTo = from + minLength - 1;
                int lastTo = Math.min(folded.size(), from + maxLength) - 1;
                if (firstTo > lastTo) {
                    continue;
                }
                int firstIndex = folded.get(from).firstCall().index();
                for (Optional<BoundWindow> bound : windows.from(from, firstTo, lastTo)) {
                    bound.ifPresent(window -> byFirst
                            .computeIfAbsent(first, step -> new ArrayList<>())
                            .add(occurrence(session, firstIndex, window, fitting)));
                }
            }
        }
        List<Observation> observations = new ArrayList<>(firstCounts.size());
        firstCounts.forEach((first, count) -> observations.add(new Observation(first, session.sessionId(),
                session.agentId(), session.fleet(), session.outcome(), count, byFirst.getOrDefault(first, List.of()))));
        return observations;
    }

    private Occurrence occurrence(FinishedSession session, int firstIndex, BoundWindow window, Map<String, Boolean> fitting) {
        boolean readsParams = false;
        for (StepObservation step : window.steps()) {
            for (ArgumentObservation argument : step.arguments()) {
                readsParams |= argument.source() == Source.REQUEST_PARAM;
            }
        }
        String params = readsParams ? session.requestParamsJson() : null;
        boolean small = fits(params, fitting);
        for (String result : window.sourceResults().values()) {
            small = small && fits(result, fitting);
        }
        return new Occurrence(session.sessionId(), firstIndex, window.steps(), small ? window.sourceResults() : Map.of(),
                small ? params : null, small);
    }

    /** Whether a text is at most maxResultBytes in UTF-8; remembered per text instance, as windows share results. */
    private boolean fits(String json, Map<String, Boolean> fitting) {
        if (json == null) {
            return true;
        }
        return fitting.computeIfAbsent(json, text -> text.getBytes(StandardCharsets.UTF_8).length <= maxResultBytes);
    }
}
