package io.procmem.miner.candidates;

import io.procmem.miner.abstraction.Values;

/**
 * What a candidate's FREE input has held across all its occurrences: enough to decide between a CONSTANT (the same
 * value every time) and an INPUT, to type the input and to say whether users tend to give it in the request. Part
 * of the {@code candidate-stats} value (JSON).
 *
 * <p>Known limit: values longer than {@value #MAX_VALUE_CHARS} characters are not kept; such an input is never a
 * constant.
 *
 * @param valueJson the canonical value seen first, or null once it varied or was too long
 * @param varies    whether two occurrences disagreed (or the value was too long to keep)
 * @param seen      occurrences that used the input
 * @param inRequest occurrences in which the value appeared verbatim in the request text
 * @param jsonType  the JSON type of the first value
 */
public record FreeValue(String valueJson, boolean varies, long seen, long inRequest, String jsonType) {
    static final int MAX_VALUE_CHARS = 1024;

    public static FreeValue first(String valueJson, boolean inRequest) {
        boolean tooLong = valueJson.length() > MAX_VALUE_CHARS;
        return new FreeValue(tooLong ? null : valueJson, tooLong, 1, inRequest ? 1 : 0,
                Values.jsonType(Values.parse(valueJson)));
    }

    public FreeValue add(String value, boolean mentioned) {
        boolean differs = varies || !value.equals(valueJson);
        return new FreeValue(differs ? null : valueJson, differs, seen + 1, inRequest + (mentioned ? 1 : 0), jsonType);
    }

    /** A constant: seen at least twice, always with the same value. */
    public boolean constant() {
        return !varies && seen >= 2;
    }

    /** Share of occurrences in which the value was given in the request text. */
    public double requestShare() {
        return seen == 0 ? 0 : (double) inRequest / seen;
    }
}
