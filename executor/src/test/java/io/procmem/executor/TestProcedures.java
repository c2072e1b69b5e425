package io.procmem.executor;

import io.procmem.avro.ArgumentBinding;
import io.procmem.avro.BindingKind;
import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ProcedureStatus;
import io.procmem.avro.ProcedureStep;
import io.procmem.avro.SideEffect;
import io.procmem.avro.Support;
import io.procmem.avro.Trigger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds CompiledProcedure records for tests from abstract steps such as {@code get_user_details(user_id)}. */
public final class TestProcedures {
    public static final Instant CREATED = Instant.parse("2025-01-01T00:00:00Z");

    private TestProcedures() {
    }

    public static CompiledProcedure procedure(String id, int version, String... abstractSteps) {
        return builder(id, version, abstractSteps).build();
    }

    /** A CANDIDATE in fleet {@code default} with 10 occurrences; tests change what they need on the builder. */
    public static CompiledProcedure.Builder builder(String id, int version, String... abstractSteps) {
        List<ProcedureStep> steps = new ArrayList<>();
        for (int i = 0; i < abstractSteps.length; i++) {
            steps.add(step(i, abstractSteps[i]));
        }
        return CompiledProcedure.newBuilder()
                .setProcedureId(id)
                .setVersion(version)
                .setStatus(ProcedureStatus.CANDIDATE)
                .setFleet("default")
                .setName(String.join(" > ", Arrays.stream(abstractSteps).map(s -> s.substring(0, s.indexOf('('))).toList()))
                .setSignature(String.join(" > ", abstractSteps))
                .setTrigger(Trigger.newBuilder().build())
                .setSteps(steps)
                .setSupport(support(10))
                .setCreatedAt(CREATED)
                .setUpdatedAt(CREATED.plusSeconds(version));
    }

    public static Support support(long occurrences) {
        return Support.newBuilder().setOccurrences(occurrences).setSessions(occurrences).setAgents(1)
                .setSuccessfulSessions(occurrences).build();
    }

    private static ProcedureStep step(int index, String abstractStep) {
        int open = abstractStep.indexOf('(');
        String inside = abstractStep.substring(open + 1, abstractStep.length() - 1);
        List<ArgumentBinding> arguments = inside.isEmpty() ? List.of() : Arrays.stream(inside.split(","))
                .map(name -> ArgumentBinding.newBuilder().setName(name).setKind(BindingKind.INPUT).setSource(name).build())
                .toList();
        return ProcedureStep.newBuilder()
                .setIndex(index)
                .setTool(abstractStep.substring(0, open))
                .setAbstractStep(abstractStep)
                .setSideEffect(SideEffect.READ)
                .setArguments(arguments)
                .build();
    }
}
