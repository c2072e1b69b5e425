package io.procmem.miner.candidates;

import io.procmem.miner.abstraction.ObservedStep;
import io.procmem.miner.abstraction.SessionRuns;
import io.procmem.miner.binding.ArgumentObservation;
import io.procmem.miner.binding.BoundWindow;
import io.procmem.miner.binding.FoldedStep;
import io.procmem.miner.binding.LoopFolder;
import io.procmem.miner.binding.Request;
import io.procmem.miner.binding.Source;
import io.procmem.miner.binding.WindowBinder;
import io.procmem.miner.session.FinishedSession;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a finished session into observations: splits it into runs ({@link SessionRuns}), folds loops
 * ({@link LoopFolder}), then binds every window of {@code minLength..maxLength} folded steps ({@link WindowBinder})
 * and groups the windows by their first step. Loops are folded first, so "a user, then each of their 3 reservations"
 * and "... of their 2 reservations" are the same two-step window.
 *
 * <p>Known limit: the work per session is about folded steps x (maxLength - minLength + 1) windows, each binding
 * scanning the window's earlier results; long sessions with a large maxLength cost the most.
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
        for (List<ObservedStep> run : SessionRuns.of(session)) {
            List<FoldedStep> folded = LoopFolder.fold(run);
            for (int from = 0; from < folded.size(); from++) {
                if (folded.get(from).loop() != null) {
                    continue;
                }
                String first = folded.get(from).sequencePart();
                firstCounts.merge(first, 1, Integer::sum);
                for (int to = from + minLength - 1; to < Math.min(folded.size(), from + maxLength); to++) {
                    int firstIndex = folded.get(from).firstCall().index();
                    WindowBinder.bind(folded, from, to, request).ifPresent(window -> byFirst
                            .computeIfAbsent(first, step -> new ArrayList<>())
                            .add(occurrence(session, firstIndex, window)));
                }
            }
        }
        List<Observation> observations = new ArrayList<>(firstCounts.size());
        firstCounts.forEach((first, count) -> observations.add(new Observation(first, session.sessionId(),
                session.agentId(), session.fleet(), session.outcome(), count, byFirst.getOrDefault(first, List.of()))));
        return observations;
    }

    private Occurrence occurrence(FinishedSession session, int firstIndex, BoundWindow window) {
        boolean readsParams = window.steps().stream().flatMap(step -> step.arguments().stream())
                .map(ArgumentObservation::source).anyMatch(Source.REQUEST_PARAM::equals);
        String params = readsParams ? session.requestParamsJson() : null;
        boolean small = fits(params) && window.sourceResults().values().stream().allMatch(this::fits);
        return new Occurrence(session.sessionId(), firstIndex, window.steps(), small ? window.sourceResults() : Map.of(),
                small ? params : null, small);
    }

    private boolean fits(String json) {
        return json == null || json.getBytes(StandardCharsets.UTF_8).length <= maxResultBytes;
    }
}
