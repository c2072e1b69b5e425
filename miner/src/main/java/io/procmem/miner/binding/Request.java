package io.procmem.miner.binding;

import com.fasterxml.jackson.databind.JsonNode;
import io.procmem.miner.abstraction.Values;

/**
 * What the session was asked: the user's text and structured parameters, both optional.
 *
 * @param text   the request text, or null
 * @param params the request parameters object, or null
 */
public record Request(String text, JsonNode params) {

    /** From the SessionStarted fields (validated on the way in: params is a JSON object text or null). */
    public static Request of(String text, String paramsJson) {
        return new Request(text, Values.parse(paramsJson));
    }

    /** Whether a scalar value appears verbatim in the request text; values under 2 characters never count. */
    public boolean mentions(JsonNode value) {
        String typed = Values.typed(value);
        return text != null && typed != null && typed.length() >= 2 && text.contains(typed);
    }
}
