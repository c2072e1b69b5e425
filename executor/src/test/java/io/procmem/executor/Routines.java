package io.procmem.executor;

import io.procmem.avro.ArgumentBinding;
import io.procmem.avro.BindingKind;
import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ProcedureInput;
import io.procmem.avro.ProcedureStatus;
import io.procmem.avro.ProcedureStep;
import io.procmem.avro.SideEffect;
import io.procmem.avro.Trigger;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds procedures with real bindings for tests, with the Avro builders the way the miner does: abstract steps from
 * the sorted argument names, inputs from the INPUT bindings.
 */
public final class Routines {

    private Routines() {
    }

    /** get_user_details(user_id) then get_reservation_details for each of the user's reservations. */
    public static CompiledProcedure userReservations(String id, ProcedureStatus status) {
        return procedure(id, status,
                step(0, "get_user_details", SideEffect.READ, null, input("user_id")),
                step(1, "get_reservation_details", SideEffect.READ, "$.steps[0].result.reservations",
                        item("reservation_id", "$.item")));
    }

    public static CompiledProcedure procedure(String id, ProcedureStatus status, ProcedureStep... steps) {
        List<ProcedureInput> inputs = Arrays.stream(steps).flatMap(s -> s.getArguments().stream())
                .filter(b -> b.getKind() == BindingKind.INPUT).map(ArgumentBinding::getSource).distinct()
                .map(name -> ProcedureInput.newBuilder().setName(name).build()).toList();
        return TestProcedures.builder(id, 1)
                .setStatus(status)
                .setName(Arrays.stream(steps).map(s -> (s.getForeach() == null ? "" : "foreach ") + s.getTool())
                        .collect(Collectors.joining(" > ")))
                .setSignature(Arrays.stream(steps).map(ProcedureStep::getAbstractStep).collect(Collectors.joining(" > ")))
                .setTrigger(Trigger.newBuilder().build())
                .setInputs(inputs)
                .setSteps(List.of(steps))
                .build();
    }

    public static ProcedureStep step(int index, String tool, SideEffect effect, String foreach, ArgumentBinding... arguments) {
        String shape = Arrays.stream(arguments).map(ArgumentBinding::getName).sorted().collect(Collectors.joining(","));
        return ProcedureStep.newBuilder().setIndex(index).setTool(tool).setAbstractStep(tool + "(" + shape + ")")
                .setSideEffect(effect).setForeach(foreach).setArguments(List.of(arguments)).build();
    }

    public static ArgumentBinding input(String name) {
        return binding(name, BindingKind.INPUT, name, null);
    }

    public static ArgumentBinding param(String name, String source) {
        return binding(name, BindingKind.REQUEST_PARAM, source, null);
    }

    public static ArgumentBinding stepResult(String name, String source) {
        return binding(name, BindingKind.STEP_RESULT, source, null);
    }

    public static ArgumentBinding constant(String name, String json) {
        return binding(name, BindingKind.CONSTANT, null, json);
    }

    public static ArgumentBinding item(String name, String source) {
        return binding(name, BindingKind.LOOP_ELEMENT, source, null);
    }

    private static ArgumentBinding binding(String name, BindingKind kind, String source, String constantJson) {
        return ArgumentBinding.newBuilder().setName(name).setKind(kind).setSource(source).setConstantJson(constantJson)
                .build();
    }
}
