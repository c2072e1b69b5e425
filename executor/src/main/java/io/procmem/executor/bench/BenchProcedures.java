package io.procmem.executor.bench;

import io.procmem.avro.ArgumentBinding;
import io.procmem.avro.BindingKind;
import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ProcedureInput;
import io.procmem.avro.ProcedureStatus;
import io.procmem.avro.ProcedureStep;
import io.procmem.avro.SideEffect;
import io.procmem.avro.Support;
import io.procmem.avro.Trigger;
import io.procmem.executor.store.ProcedureIndex;
import io.procmem.schemas.shape.StepShapes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Procedures for the benchmarks: the airline routine the sample tool server can run (get_user_details, then
 * get_reservation_details for each reservation) and, around it, seeded synthetic ones over a vocabulary of
 * {@value #TOOLS} tools, a few percent of which start like the routine, so the matcher has real fan-out to walk.
 */
public final class BenchProcedures {
    public static final String ROUTINE_ID = "p-bench-user-reservations";
    private static final int TOOLS = 2_000;
    private static final Instant CREATED = Instant.parse("2025-01-01T00:00:00Z");

    private BenchProcedures() {
    }

    /** An index holding the routine and {@code synthetic} other procedures (seeded: the same every run). */
    public static ProcedureIndex index(int synthetic) {
        ProcedureIndex index = new ProcedureIndex();
        index.put(routine());
        Random random = new Random(42);
        for (int i = 0; i < synthetic; i++) {
            int length = 2 + random.nextInt(4);
            List<ProcedureStep> steps = new ArrayList<>(length);
            for (int s = 0; s < length; s++) {
                boolean likeRoutine = s == 0 && random.nextInt(100) < 3;
                String tool = likeRoutine ? "get_user_details" : "tool_" + random.nextInt(TOOLS);
                String argument = likeRoutine ? "user_id" : "arg_" + random.nextInt(5);
                steps.add(step(s, tool, null, binding(argument, BindingKind.INPUT, argument)));
            }
            ProcedureStatus status = ProcedureStatus.values()[random.nextInt(3)];
            index.put(procedure("p-synthetic-" + i, status, 1 + random.nextInt(50), steps));
        }
        return index;
    }

    /** The routine as an AUTONOMOUS procedure, better supported than any synthetic one. */
    public static CompiledProcedure routine() {
        return procedure(ROUTINE_ID, ProcedureStatus.AUTONOMOUS, 500, List.of(
                step(0, "get_user_details", null, binding("user_id", BindingKind.INPUT, "user_id")),
                step(1, "get_reservation_details", "$.steps[0].result.reservations",
                        binding("reservation_id", BindingKind.LOOP_ELEMENT, "$.item"))));
    }

    private static CompiledProcedure procedure(String id, ProcedureStatus status, long occurrences,
                                               List<ProcedureStep> steps) {
        List<ProcedureInput> inputs = steps.stream().flatMap(s -> s.getArguments().stream())
                .filter(b -> b.getKind() == BindingKind.INPUT).map(ArgumentBinding::getSource).distinct()
                .map(name -> ProcedureInput.newBuilder().setName(name).build()).toList();
        List<String> shapes = steps.stream().map(ProcedureStep::getAbstractStep).toList();
        return CompiledProcedure.newBuilder().setProcedureId(id).setVersion(1).setStatus(status).setFleet("default")
                .setName(String.join(" > ", steps.stream().map(ProcedureStep::getTool).toList()))
                .setSignature(String.join(" > ", shapes)).setTrigger(Trigger.newBuilder().build()).setInputs(inputs)
                .setSteps(steps)
                .setSupport(Support.newBuilder().setOccurrences(occurrences).setSessions(occurrences).setAgents(1)
                        .setSuccessfulSessions(occurrences).build())
                .setCreatedAt(CREATED).setUpdatedAt(CREATED).build();
    }

    private static ProcedureStep step(int index, String tool, String foreach, ArgumentBinding argument) {
        return ProcedureStep.newBuilder().setIndex(index).setTool(tool)
                .setAbstractStep(StepShapes.of(tool, "{\"" + argument.getName() + "\": 1}"))
                .setSideEffect(SideEffect.READ).setForeach(foreach).setArguments(List.of(argument)).build();
    }

    private static ArgumentBinding binding(String name, BindingKind kind, String source) {
        return ArgumentBinding.newBuilder().setName(name).setKind(kind).setSource(source).build();
    }
}
