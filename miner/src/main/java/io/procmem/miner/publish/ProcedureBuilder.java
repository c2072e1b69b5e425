package io.procmem.miner.publish;

import io.procmem.avro.ArgumentBinding;
import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ProcedureInput;
import io.procmem.avro.ProcedureStatus;
import io.procmem.avro.ProcedureStep;
import io.procmem.avro.Review;
import io.procmem.avro.Support;
import io.procmem.avro.Trigger;
import io.procmem.miner.binding.Signatures;
import io.procmem.miner.candidates.CandidateStats;
import io.procmem.miner.candidates.SequenceStats;
import io.procmem.miner.candidates.Tally;
import io.procmem.miner.review.Consistency;
import io.procmem.miner.review.ReviewResult;
import io.procmem.miner.review.Routine;
import io.procmem.miner.review.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds the {@link CompiledProcedure} of a candidate that passed its reviews: the inferred routine's steps with
 * their bindings (consistency from the sequence's figures), side effects and loops, its INPUT arguments as inputs,
 * its support and every review.
 *
 * <p>Known limits: the trigger is empty (no prefix, no keywords yet). Fleets are not mined apart: counts span
 * fleets, and the procedure carries the fleet of the first session the candidate was seen in
 * ({@value #DEFAULT_FLEET} when that session's start never arrived).
 */
public final class ProcedureBuilder {
    static final String DEFAULT_FLEET = "default";

    private ProcedureBuilder() {
    }

    /** The procedure at {@code emission.version()}, updated at {@code nowMs}. */
    public static CompiledProcedure build(String signature, CandidateStats stats, SequenceStats sequence, Verdict verdict,
                                          Emission emission, long nowMs) {
        Routine routine = verdict.routine();
        if (emission.version() < 1 || routine == null) {
            throw new IllegalArgumentException("candidate " + signature + " has not been emitted (version "
                    + emission.version() + ") or has no routine");
        }
        List<ProcedureStep> steps = new ArrayList<>(routine.steps().size());
        for (int i = 0; i < routine.steps().size(); i++) {
            Routine.Step step = routine.steps().get(i);
            List<ArgumentBinding> bindings = new ArrayList<>();
            for (Routine.Binding binding : step.arguments()) {
                bindings.add(ArgumentBinding.newBuilder().setName(binding.name()).setKind(binding.kind())
                        .setSource(binding.source()).setConstantJson(binding.constantJson())
                        .setConsistency(Consistency.of(sequence, i, binding)).build());
            }
            steps.add(ProcedureStep.newBuilder().setIndex(i).setTool(step.tool()).setAbstractStep(step.abstractStep())
                    .setSideEffect(step.sideEffect()).setForeach(step.foreach()).setArguments(bindings).build());
        }
        Tally tally = stats.tally();
        return CompiledProcedure.newBuilder()
                .setProcedureId(ProcedureIds.of(signature))
                .setVersion(emission.version())
                .setStatus(emission.status())
                .setStatusReason(emission.status() == ProcedureStatus.SHADOW ? "every review passed with margin"
                        : "every review passed, not all with margin")
                .setFleet(tally.fleet() == null ? DEFAULT_FLEET : tally.fleet())
                .setName(routine.steps().stream().map(s -> s.foreach() == null ? s.tool() : "foreach " + s.tool())
                        .collect(Collectors.joining(Signatures.SEPARATOR)))
                .setSignature(signature)
                .setTrigger(Trigger.newBuilder().setPrefix(List.of()).setKeywords(List.of()).build())
                .setInputs(routine.inputs().stream().map(input -> ProcedureInput.newBuilder().setName(input.name())
                        .setJsonType(input.jsonType()).setDescription(input.description()).build()).toList())
                .setSteps(steps)
                .setSupport(Support.newBuilder().setOccurrences(tally.occurrences()).setSessions(tally.sessions())
                        .setAgents(tally.agentCount()).setSuccessfulSessions(tally.successfulSessions()).build())
                .setReviews(verdict.reviews().stream().map(ProcedureBuilder::review).toList())
                .setCreatedAt(Instant.ofEpochMilli(emission.firstEmittedMs()))
                .setUpdatedAt(Instant.ofEpochMilli(nowMs))
                .build();
    }

    private static Review review(ReviewResult result) {
        return Review.newBuilder().setName(result.name()).setPassed(result.passed()).setDetail(result.detail())
                .setFigures(result.figures()).build();
    }
}
