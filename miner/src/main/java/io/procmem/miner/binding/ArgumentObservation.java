package io.procmem.miner.binding;

/**
 * Where one argument's value came from in one occurrence. Crosses the repartition topic and is kept in samples as
 * JSON, so its components are its stored form.
 *
 * @param exact     the source in this occurrence (path, parameter path, or input name for FREE)
 * @param pattern   the source with list element indexes written {@code [*]}: what the signature holds, so that
 *                  "reservation 2" in one session and "reservation 0" in another are the same routine, told apart
 *                  by the binding-consistency review
 * @param valueJson the value's canonical JSON text; null for a loop element (it changes per call)
 * @param inRequest whether the value appears verbatim in the user's request text
 */
public record ArgumentObservation(String name, Source source, String exact, String pattern, String valueJson,
                                  boolean inRequest) {

    /** The exact rule, e.g. {@code STEP_RESULT:$.steps[0].result.reservations[2]}. */
    public String rule() {
        return source + ":" + exact;
    }

    /** The rule as the signature holds it, e.g. {@code STEP_RESULT:$.steps[0].result.reservations[*]}. */
    public String patternRule() {
        return source + ":" + pattern;
    }
}
