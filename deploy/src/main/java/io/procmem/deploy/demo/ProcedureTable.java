package io.procmem.deploy.demo;

import io.procmem.avro.ArgumentBinding;
import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ProcedureStep;
import io.procmem.avro.Review;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Renders compiled procedures as a plain-text table for a terminal, most supported (then longest) first. */
public final class ProcedureTable {
    private static final int NAME_WIDTH = 70;

    private ProcedureTable() {
    }

    public static String render(Collection<CompiledProcedure> procedures, int limit, boolean details) {
        List<CompiledProcedure> sorted = procedures.stream()
                .sorted(Comparator.<CompiledProcedure>comparingLong(p -> p.getSupport().getOccurrences()).reversed()
                        .thenComparing(p -> -p.getSteps().size())
                        .thenComparing(CompiledProcedure::getProcedureId))
                .limit(limit)
                .toList();
        StringBuilder out = new StringBuilder();
        out.append(String.format("%d compiled procedure(s)%s%n", procedures.size(),
                procedures.size() > sorted.size() ? ", showing the " + sorted.size() + " most supported" : ""));
        if (sorted.isEmpty()) {
            return out.toString();
        }
        out.append(String.format("%-19s %-10s %4s %5s %8s %6s  %s%n", "id", "status", "ver", "steps", "occurs",
                "sess", "routine"));
        for (CompiledProcedure p : sorted) {
            out.append(String.format("%-19s %-10s %4d %5d %8d %6d  %s%n", p.getProcedureId(), p.getStatus(),
                    p.getVersion(), p.getSteps().size(), p.getSupport().getOccurrences(), p.getSupport().getSessions(),
                    shorten(p.getName())));
            if (details) {
                p.getSteps().forEach(step -> out.append("      ").append(describe(step)).append('\n'));
                p.getReviews().forEach(review -> out.append("      review ").append(describe(review)).append('\n'));
            }
        }
        return out.toString();
    }

    private static String describe(ProcedureStep step) {
        String args = step.getArguments().stream().map(ProcedureTable::describe).collect(Collectors.joining(", "));
        String loop = step.getForeach() == null ? "" : "foreach " + step.getForeach() + ": ";
        return String.format("%d. %s%s(%s) [%s]", step.getIndex(), loop, step.getTool(), args, step.getSideEffect());
    }

    private static String describe(ArgumentBinding binding) {
        String source = switch (binding.getKind()) {
            case CONSTANT -> binding.getConstantJson();
            default -> binding.getSource() == null ? "?" : binding.getSource();
        };
        return binding.getName() + "=" + binding.getKind().name().toLowerCase() + ":" + source;
    }

    private static String describe(Review review) {
        return String.format("%-20s %s %s %s", review.getName(), review.getPassed() ? "pass" : "FAIL",
                review.getDetail(), review.getFigures());
    }

    private static String shorten(String name) {
        return name.length() <= NAME_WIDTH ? name : name.substring(0, NAME_WIDTH - 3) + "...";
    }
}
