package io.procmem.ingest.trajectory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Locale;
import java.util.Optional;

/** The JSON handling the reader shares: one mapper, strict parsing of embedded JSON texts, quoting. */
final class JsonTexts {
    static final ObjectMapper MAPPER = new ObjectMapper();
    // Strict: "42 abc" is not JSON. Only for whole texts; the streaming reader must not use it, since it would
    // reject the list element that follows the one just read.
    private static final ObjectReader STRICT = MAPPER.readerFor(JsonNode.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonTexts() {
    }

    /** The JSON value of {@code text}; throws when it is not exactly one JSON value. */
    static JsonNode parse(String text) throws JsonProcessingException {
        JsonNode node = STRICT.readTree(text);
        if (node == null || node.isMissingNode()) {
            throw new JsonParseFailure("no JSON value in '" + text + "'");
        }
        return node;
    }

    /** The value of {@code text} when it is valid JSON. */
    static Optional<JsonNode> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** {@code text} as a JSON string literal. */
    static String quote(String text) {
        return TextNode.valueOf(text).toString();
    }

    /** The JSON type of a node, in the words a reason should use. */
    static String kind(JsonNode node) {
        return node == null || node.isMissingNode() ? "missing" : node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /** Blank text is not an error Jackson reports by itself. */
    private static final class JsonParseFailure extends JsonProcessingException {
        JsonParseFailure(String message) {
            super(message);
        }
    }
}
