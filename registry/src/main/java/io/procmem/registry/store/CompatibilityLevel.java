package io.procmem.registry.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Confluent's compatibility levels, checked with Avro's {@link SchemaCompatibility}. BACKWARD: the new schema reads
 * data written with the old one; FORWARD: the old schema reads data written with the new one; FULL: both.
 * Non-transitive levels compare with the latest version only, transitive ones with every live version.
 */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    /** The level named {@code text} (any case); the exception lists the valid names. */
    public static CompatibilityLevel parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown compatibility level '" + text + "': use one of "
                    + List.of(values()), e);
        }
    }

    /**
     * Why {@code candidate} may not follow {@code existing} (oldest first) at this level; empty when it may.
     *
     * @param existing live versions of the subject, oldest first
     * @param versions the version numbers of {@code existing}, for the messages
     */
    public List<String> problems(Schema candidate, List<Schema> existing, List<Integer> versions) {
        List<String> problems = new ArrayList<>();
        int first = transitive ? 0 : Math.max(0, existing.size() - 1);
        for (int i = first; i < existing.size(); i++) {
            Schema old = existing.get(i);
            if (backward) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, old),
                        "the new schema cannot read data written with version " + versions.get(i), problems);
            }
            if (forward) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(old, candidate),
                        "version " + versions.get(i) + " cannot read data written with the new schema", problems);
            }
        }
        return problems;
    }

    private void describe(SchemaCompatibility.SchemaPairCompatibility result, String what, List<String> problems) {
        for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
            problems.add(name() + ": " + what + ": " + incompatibility.getType() + " at "
                    + incompatibility.getLocation() + ": " + incompatibility.getMessage());
        }
    }
}
