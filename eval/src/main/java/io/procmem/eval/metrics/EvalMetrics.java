package io.procmem.eval.metrics;

import io.procmem.avro.CompiledProcedure;
import io.procmem.eval.replay.Episode;
import io.procmem.eval.replay.ReplayObserver;
import io.procmem.eval.replay.ReplayedCall;
import io.procmem.eval.replay.Takeover;
import io.procmem.eval.replay.Takeover.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts what the replay finds (see {@link Figures} for the definitions) and snapshots it as {@link Figures}.
 * Counts only what a takeover would have changed: questions without a match and neutral runs add nothing but their
 * own count. One replay, one thread.
 */
public final class EvalMetrics implements ReplayObserver {
    /** False takeovers kept as examples; the counts cover all of them. */
    static final int EXAMPLES = 50;

    private final TokenEstimator tokens;
    private final Map<String, ProcedureCounter> byProcedure = new LinkedHashMap<>();
    private final Map<String, Long> falseByReason = new HashMap<>();
    private final List<HistoryPoint> history = new ArrayList<>();
    private final List<FalseTakeover> examples = new ArrayList<>();
    private long decisions;
    private long correct;
    private long served;
    private long questions;
    private long takeovers;
    private long falseTakeovers;
    private long escalations;
    private long neutral;
    private long tokensAvoided;
    private long shadowRuns;
    private long shadowCorrect;
    private long shadowServed;

    public EvalMetrics(TokenEstimator tokens) {
        this.tokens = tokens;
    }

    @Override
    public void takeover(Episode episode, Takeover takeover) {
        questions++;
        if (takeover.verdict() == Verdict.NO_MATCH) {
            return;
        }
        ProcedureCounter procedure = byProcedure.computeIfAbsent(takeover.procedureId(),
                id -> new ProcedureCounter(id, takeover.procedureName()));
        if (takeover.verdict() == Verdict.NEUTRAL) {
            neutral++;
            procedure.neutral++;
            return;
        }
        takeovers++;
        procedure.takeovers++;
        for (ReplayedCall call : takeover.calls()) {
            if (call.matched()) {
                tokensAvoided += tokens.tokens(episode.steps().get(call.step()));
            }
        }
        correct += takeover.correctCalls();
        served += takeover.servedCalls();
        procedure.correct += takeover.correctCalls();
        procedure.served += takeover.servedCalls();
        if (takeover.verdict() == Verdict.ESCALATED) {
            escalations++;
            procedure.escalations++;
        } else if (takeover.verdict() == Verdict.FALSE) {
            falseTakeovers++;
            falseByReason.merge(takeover.falseReason(), 1L, Long::sum);
            procedure.falseByReason.merge(takeover.falseReason(), 1L, Long::sum);
            if (examples.size() < EXAMPLES) {
                ReplayedCall wrong = takeover.calls().get(takeover.calls().size() - 1);
                examples.add(new FalseTakeover(episode.sessionId(), wrong.step(), takeover.procedureId(),
                        takeover.procedureName(), takeover.falseReason(), wrong.detail()));
            }
        }
    }

    @Override
    public void shadow(Episode episode, Takeover takeover) {
        if (takeover.servedCalls() == 0) {
            return;
        }
        ProcedureCounter procedure = byProcedure.computeIfAbsent(takeover.procedureId(),
                id -> new ProcedureCounter(id, takeover.procedureName()));
        shadowRuns++;
        shadowCorrect += takeover.correctCalls();
        shadowServed += takeover.servedCalls();
        procedure.shadowRuns++;
        procedure.shadowCorrect += takeover.correctCalls();
        procedure.shadowServed += takeover.servedCalls();
    }

    @Override
    public void episodeTested(Episode episode) {
        decisions += episode.steps().size();
        history.add(HistoryPoint.of(history.size() + 1, decisions, correct, served));
    }

    /**
     * The figures so far.
     *
     * @param compiled the procedures the miner compiled, by id, for each served procedure's status and support
     */
    public Figures figures(Map<String, CompiledProcedure> compiled) {
        List<ProcedureFigures> procedures = byProcedure.values().stream()
                .map(counter -> counter.figures(compiled.get(counter.id)))
                .sorted(Comparator.comparingLong(ProcedureFigures::correctCalls).reversed()
                        .thenComparing(ProcedureFigures::procedureId))
                .toList();
        return new Figures(decisions, correct, served, Rates.coverage(correct, decisions), Rates.precision(correct, served),
                questions, takeovers, falseTakeovers, falseByReason, escalations, neutral, correct, tokensAvoided,
                describe(), shadowRuns, shadowCorrect, shadowServed, procedures, history, examples);
    }

    private String describe() {
        return "per avoided decision: the step's decision_tokens when recorded, else the conversation before it"
                + " (user messages, earlier calls and results; no system prompt) at " + tokens.charsPerToken()
                + " chars per token";
    }

    /** One procedure's counts. */
    private static final class ProcedureCounter {
        private final String id;
        private final String name;
        private final Map<String, Long> falseByReason = new HashMap<>();
        private long takeovers;
        private long correct;
        private long served;
        private long escalations;
        private long neutral;
        private long shadowRuns;
        private long shadowCorrect;
        private long shadowServed;

        ProcedureCounter(String id, String name) {
            this.id = id;
            this.name = name;
        }

        ProcedureFigures figures(CompiledProcedure procedure) {
            long falseTakeovers = falseByReason.values().stream().mapToLong(Long::longValue).sum();
            return new ProcedureFigures(id, name, procedure == null ? "unknown" : procedure.getStatus().name(),
                    procedure == null ? 0 : procedure.getSupport().getOccurrences(), takeovers, correct, served,
                    falseTakeovers, escalations, neutral, falseByReason, Rates.precision(correct, served), shadowRuns,
                    shadowCorrect, shadowServed);
        }
    }
}
