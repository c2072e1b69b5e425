package io.procmem.miner.binding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.procmem.miner.abstraction.Values;
import io.procmem.schemas.binding.ValuePath;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultIndexTest {

    /** Nested values covering what canonical texts normalize: numbers, strings, key order, escapes, sizes. */
    private static List<String> samples() {
        List<String> samples = new ArrayList<>(List.of(
                "{\"b\":100,\"a\":100.0,\"c\":1e2,\"d\":[1,2.50,-0.0,1E-3,12345678901234567890,-7,0,1.5e300]}",
                "{\"s\":\"  spaced  out \",\"e\":\"quote\\\" back\\\\ slash\\n tab\\t\",\"u\":\"h\u00e9llo \u2713 \ud83d\ude00\","
                        + "\"ctl\":\"\\u0001\\u001f\\u007f\",\"slash\":\"a/b\",\"blank\":\"   \",\"empty\":\"\"}",
                "{\"z\":{\"y\":[{\"k\":\"v\",\"a\":[]},{}],\"x\":{}},\"a\":[[],[[]],{\"q\":null,\"t\":true,\"f\":false}]}",
                "{\"we\\\"ird\":1,\"a.b\":{\"c\":\"hidden\"},\"[0]\":[2],\"\":3,\"\u00fcn\u00ef\":{\"x\":4},\"B\":1,\"a\":1,\"_\":1}",
                "[{\"id\":\"u1\",\"n\":1},{\"n\":1,\"id\":\"u1\"},{\"id\":\" u1 \",\"n\":1.0}]",
                "\"  x \"", "42", "4.20", "true", "null", "[]", "{}", "[[[[[\"deep\"]]]]]"));
        StringBuilder big = new StringBuilder("{\"items\":[");
        for (int i = 0; i < 300; i++) {
            big.append(i == 0 ? "" : ",").append("{\"id\":\"item-").append(i).append("\",\"n\":").append(i)
                    .append(",\"tags\":[\"t\",\"same\"]}");
        }
        samples.add(big.append("],\"small\":{\"k\":[1,2]}}").toString());
        StringBuilder repeated = new StringBuilder("{\"list\":[");
        for (int i = 0; i < 40; i++) {
            repeated.append(i == 0 ? "" : ",").append("{\"v\":\"same\"}");
        }
        samples.add(repeated.append("]}").toString());
        for (int length = 2040; length <= 2046; length++) {
            String text = "x".repeat(length);
            samples.add("{\"a\":[\"" + text + "\"],\"o\":{\"k\":\"" + text + "\"},\"wrap\":[[\"" + text + "\"]]}");
        }
        return samples;
    }

    @Test
    void shouldBuildTheSameCanonicalTextsBottomUpAsValues() {
        int containers = 0;
        int tooLarge = 0;
        for (String sample : samples()) {
            for (JsonNode node : nodes(Values.parse(sample))) {
                String expected = Values.canonical(node);
                String actual = ResultIndex.canonicalOrNull(node);
                if (node.isContainerNode() && expected.length() > ResultIndex.MAX_CONTAINER_CHARS) {
                    assertThat(actual).as("over the limit: %s", sample).isNull();
                    tooLarge++;
                } else {
                    assertThat(actual).as("node of %s", sample).isEqualTo(expected);
                    containers += node.isContainerNode() ? 1 : 0;
                }
            }
        }
        assertThat(containers).as("containers compared").isGreaterThan(50);
        assertThat(tooLarge).as("containers over the limit").isGreaterThan(5);
    }

    @Test
    void shouldIndexWhatAWalkCanonicalizingEveryNodeIndexes() {
        for (String sample : samples()) {
            JsonNode result = Values.parse(sample);
            Map<String, List<ValuePath>> expected = reference(result);
            ResultIndex index = ResultIndex.of(result);

            assertThat(index.values()).as(sample).containsExactlyInAnyOrderElementsOf(expected.keySet());
            expected.forEach((value, paths) -> assertThat(index.paths(value)).as(value).isEqualTo(paths));
        }
    }

    @Test
    void shouldIndexRightlyPastTheNumberOfObjectLayoutsItRemembers() {
        // Thousands of distinct layouts (more than the shared shapes kept), each result checked against the reference.
        for (int i = 0; i < 5_000; i++) {
            JsonNode result = Values.parse("{\"z" + i + "\":{\"b\":" + i + ",\"a\":\"x" + i + "\"},\"a\":[{\"k" + i % 7
                    + "\":1,\"c\":\"y\"}]}");
            Map<String, List<ValuePath>> expected = reference(result);
            ResultIndex index = ResultIndex.of(result);

            assertThat(index.values()).containsExactlyInAnyOrderElementsOf(expected.keySet());
            expected.forEach((value, paths) -> assertThat(index.paths(value)).as(value).isEqualTo(paths));
        }
    }

    @Test
    void shouldKeepNumbersByValueAndEqualObjectsInAnyKeyOrder() {
        ResultIndex index = ResultIndex.of(Values.parse(samples().get(0)));
        assertThat(index.paths("100")).extracting(ValuePath::toString).containsExactly(".a", ".b", ".c");
        assertThat(index.paths("0")).as("-0.0 and 0").extracting(ValuePath::toString).containsExactly(".d[2]", ".d[6]");

        ResultIndex users = ResultIndex.of(Values.parse(samples().get(4)));
        assertThat(users.paths("{\"id\":\"u1\",\"n\":1}")).extracting(ValuePath::toString).containsExactly("[0]", "[1]", "[2]");
        assertThat(users.paths("\"u1\"")).hasSize(3);
    }

    @Test
    void shouldQuoteEveryCharacterAsTheJsonEncoderDoes() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x3000; c++) {
            String text = "a" + c + "b";
            assertThat(Values.canonical(TextNode.valueOf(text))).isEqualTo(encoded(text));
            all.append(c);
        }
        String text = all.append("\ud83d\ude00\ud83d").toString();
        assertThat(Values.canonical(TextNode.valueOf(text))).isEqualTo(encoded(text.trim()));
        assertThat(Values.canonical(Values.parse("{\"k \\\"q\\\"\\u0000\":1}"))).isEqualTo("{" + encoded("k \"q\"\u0000") + ":1}");
    }

    @Test
    void shouldWriteIntegersAsTheirDecimalValue() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        for (long value : new long[] {0, 1, -1, 10, 100, -100, 120, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE,
                Long.MIN_VALUE, 1_000_000_000_000L}) {
            String expected = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
            assertThat(Values.canonical(nodes.numberNode(value))).isEqualTo(expected);
            if (value == (int) value) {
                assertThat(Values.canonical(nodes.numberNode((int) value))).isEqualTo(expected);
            }
        }
        assertThat(Values.canonical(Values.parse("[100,100.0,1e2,1E+2,100.00]"))).isEqualTo("[100,100,100,100,100]");
    }

    private static String encoded(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }

    /** Every node of a value, the value first. */
    private static List<JsonNode> nodes(JsonNode value) {
        List<JsonNode> nodes = new ArrayList<>();
        nodes.add(value);
        for (JsonNode child : value) {
            nodes.addAll(nodes(child));
        }
        return nodes;
    }

    /** The index as a walk that canonicalizes every node on its own (the definition the index must keep). */
    private static Map<String, List<ValuePath>> reference(JsonNode result) {
        Map<String, List<ValuePath>> paths = new HashMap<>();
        referenceWalk(result, ValuePath.ROOT, paths);
        Comparator<ValuePath> shortestFirst = Comparator.comparingInt(ValuePath::length).thenComparing(ValuePath::toString);
        paths.replaceAll((value, found) -> {
            found.sort(shortestFirst);
            return List.copyOf(found.subList(0, Math.min(found.size(), ResultIndex.MAX_PATHS_PER_VALUE)));
        });
        return paths;
    }

    private static void referenceWalk(JsonNode node, ValuePath path, Map<String, List<ValuePath>> paths) {
        if (Values.searchable(node)) {
            String canonical = Values.canonical(node);
            if (!node.isContainerNode() || canonical.length() <= ResultIndex.MAX_CONTAINER_CHARS) {
                paths.computeIfAbsent(canonical, value -> new ArrayList<>()).add(path);
            }
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                referenceWalk(node.get(i), path.element(i), paths);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (ValuePath.expressible(field.getKey())) {
                    referenceWalk(field.getValue(), path.field(field.getKey()), paths);
                }
            }
        }
    }
}
