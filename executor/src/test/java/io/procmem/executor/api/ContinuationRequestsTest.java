package io.procmem.executor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.procmem.executor.matching.ContinuationQuery;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ContinuationRequestsTest {

    @Test
    void shouldReadStepsFleetAndLimit() {
        ContinuationQuery query = parse("""
                {"fleet": "airline", "limit": 5, "steps": [
                  {"tool": "get_user_details", "arguments": {"user_id": "x"}, "result": {"name": "Mia"}},
                  {"tool": "list_all_airports"}]}""");

        assertThat(query.fleet()).isEqualTo("airline");
        assertThat(query.limit()).isEqualTo(5);
        assertThat(query.steps()).hasSize(2);
        assertThat(query.steps().get(0).abstractStep()).isEqualTo("get_user_details(user_id)");
        assertThat(query.steps().get(0).result().get("name").asText()).isEqualTo("Mia");
        assertThat(query.steps().get(1).abstractStep()).isEqualTo("list_all_airports()");
    }

    @Test
    void shouldDefaultToEveryFleetAndDefaultLimit() {
        ContinuationQuery query = parse("{\"steps\": [{\"tool\": \"t\", \"arguments\": {}}]}");

        assertThat(query.fleet()).isNull();
        assertThat(query.limit()).isEqualTo(ContinuationQuery.DEFAULT_LIMIT);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            []                                                           | body         | must be a JSON object
            {}                                                           | steps        | steps is required
            {"steps": {}}                                                | steps        | steps must be an array
            {"steps": []}                                                | steps        | at least one step
            {"steps": [{"tool": "a"}, 7]}                                | steps[1]     | steps[1] must be an object
            {"steps": [{"tool": "a"}, {"arguments": {}}]}                | steps[1].tool | steps[1].tool must be a non-empty string
            {"steps": [{"tool": " "}]}                                   | steps[0].tool | steps[0].tool must be a non-empty string
            {"steps": [{"tool": 3}]}                                     | steps[0].tool | steps[0].tool must be a non-empty string
            {"steps": [{"tool": "a", "arguments": [1]}]}                 | steps[0].arguments | steps[0].arguments must be a JSON object
            {"fleet": 1, "steps": [{"tool": "a"}]}                       | fleet        | fleet must be a non-empty string
            {"limit": 0, "steps": [{"tool": "a"}]}                       | limit        | limit must be an integer from 1 to 1000
            {"limit": 2.5, "steps": [{"tool": "a"}]}                     | limit        | limit must be an integer
            """)
    void shouldNameTheFieldAtFault(String body, String field, String message) {
        ApiException error = catchThrowableOfType(ApiException.class, () -> parse(body));

        assertThat(error.status()).isEqualTo(400);
        assertThat(error.field()).isEqualTo(field);
        assertThat(error.getMessage()).contains(message);
    }

    @Test
    void shouldNameThePositionOfInvalidJson() {
        ApiException error = catchThrowableOfType(ApiException.class, () -> parse("{\"steps\": [\n  {\"tool\" \"a\"}]}"));

        assertThat(error.field()).isEqualTo("body");
        assertThat(error.getMessage()).startsWith("request body is not valid JSON at line 2, column");
    }

    @Test
    void shouldRefuseTrailingContentAfterTheObject() {
        ApiException error = catchThrowableOfType(ApiException.class, () -> parse("{\"steps\": [{\"tool\": \"a\"}]} x"));

        assertThat(error.field()).isEqualTo("body");
        assertThat(error.getMessage()).contains("not valid JSON");
    }

    @Test
    void shouldRefuseEmptyBody() {
        ApiException error = catchThrowableOfType(ApiException.class, () -> parse(""));

        assertThat(error.getMessage()).contains("empty");
    }

    private static ContinuationQuery parse(String body) {
        return ContinuationRequests.parse(body.getBytes(StandardCharsets.UTF_8));
    }
}
