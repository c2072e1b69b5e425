package io.procmem.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.procmem.deploy.stack.StackConfig;
import io.procmem.miner.trends.PatternTotal;
import io.procmem.miner.trends.TrendsTable;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code procmem trends}: the most frequent patterns in a time range, from the running miner's query API (which
 * reads its {@code pattern-trends} window store). The same counts are on the {@code procmem.pattern-trends} topic for
 * ksqlDB, Flink SQL or kcat.
 */
@Command(name = "trends", mixinStandardHelpOptions = true,
        description = "Print the most frequent patterns in a time range, from the running miner.")
final class TrendsCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    ProcmemCli parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--since", defaultValue = "P1D", description = "How far back (ISO-8601 duration, default ${DEFAULT-VALUE}).")
    Duration since;

    @Option(names = "--limit", defaultValue = "20", description = "Rows (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() throws Exception {
        StackConfig config = ConfigOptions.resolve(spec, parent.env());
        Instant to = Instant.now().plus(Duration.ofHours(1));
        String url = "http://127.0.0.1:" + config.port(StackConfig.MINER_PORT) + "/v1/patterns/top?from="
                + encode(to.minus(since).minus(Duration.ofHours(1))) + "&to=" + encode(to) + "&limit=" + limit;
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the miner at " + url + " answered HTTP " + response.statusCode() + ": "
                    + response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        JsonNode rows = body.isArray() ? body : body.path("patterns");
        List<PatternTotal> totals = new ArrayList<>();
        for (JsonNode row : rows) {
            totals.add(JSON.treeToValue(row, PatternTotal.class));
        }
        System.out.print(TrendsTable.render(totals));
        return 0;
    }

    private static String encode(Instant instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }
}
