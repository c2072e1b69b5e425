package io.procmem.executor.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.procmem.executor.gateway.ToolInvocation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Executor overhead on loopback: each of {@code clients} threads repeats, in turn, one routine served by the
 * sequential executor and by the parallel one ({@code POST /v1/continuations/run}, which makes three
 * get_reservation_details calls through the HTTP gateway, one foreach step), the same three calls made directly on
 * the sample tool server with the client's HTTP client (the JDK's {@link HttpClient}: the baseline), and the same
 * three calls made directly with the executor's own HTTP gateway (a reference). All four see the same machine state.
 * The overhead is {@code 1 - bare / executor} of the mean latency per routine. Every answer is checked.
 *
 * <p>Limits: the sample tools answer from memory in microseconds, so the executor's extra hop weighs far more here
 * than next to real tools that take milliseconds; this is the worst case. And the figure depends on the client the
 * bare calls are made with: the executor's gateway makes a call for less than the JDK client does, which the
 * reference shows (overhead against bare calls made with the gateway's client).
 */
final class HttpOverhead {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] RESERVATIONS = {"NO6JO3", "AIXC49", "HKEG34"};
    private static final String CONTINUATION = """
            {"sessionId": "bench-%d-%d", "steps": [{"tool": "get_user_details", "arguments": {"user_id": "mia_li_3668"},
             "result": {"user_id": "mia_li_3668", "reservations": ["NO6JO3", "AIXC49", "HKEG34"]}}]}""";

    /** Latencies in microseconds, sorted. */
    record Figures(long[] sequentialMicros, long[] parallelMicros, long[] bareMicros, long[] gatewayBareMicros) {
        /** Overhead of the executor with foreach parallelism against the bare calls. */
        double overhead() {
            return 1.0 - mean(bareMicros) / mean(parallelMicros);
        }

        /** Overhead of the executor calling a foreach's elements one after the other against the bare calls. */
        double sequentialOverhead() {
            return 1.0 - mean(bareMicros) / mean(sequentialMicros);
        }

        /** The same, against bare calls made with the executor's own HTTP client (reference). */
        double sequentialOverheadSameClient() {
            return 1.0 - mean(gatewayBareMicros) / mean(sequentialMicros);
        }

        double overheadSameClient() {
            return 1.0 - mean(gatewayBareMicros) / mean(parallelMicros);
        }

        static double mean(long[] values) {
            return Arrays.stream(values).average().orElse(Double.NaN);
        }

        static long percentile(long[] sorted, double p) {
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
        }
    }

    private HttpOverhead() {
    }

    static Figures measure(LoopbackStack stack, int clients, int routinesPerClient, int warmupPerClient)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<long[][]>> runs = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                runs.add(pool.submit(() -> client(stack, client, routinesPerClient, warmupPerClient)));
            }
            List<List<Long>> all = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (Future<long[][]> run : runs) {
                long[][] figures = run.get();
                for (int k = 0; k < all.size(); k++) {
                    Arrays.stream(figures[k]).forEach(all.get(k)::add);
                }
            }
            return new Figures(sorted(all.get(0)), sorted(all.get(1)), sorted(all.get(2)), sorted(all.get(3)));
        } finally {
            pool.shutdownNow();
        }
    }

    private static long[][] client(LoopbackStack stack, int client, int routines, int warmup) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long[][] micros = new long[4][routines];
        for (int i = 0; i < warmup + routines; i++) {
            long[] nanos = {
                routine(http, stack, stack.sequential.url(), client, 2 * i),
                routine(http, stack, stack.parallel.url(), client, 2 * i + 1),
                bare(http, stack),
                bareWithGateway(stack),
            };
            if (i >= warmup) {
                for (int k = 0; k < nanos.length; k++) {
                    micros[k][i - warmup] = nanos[k] / 1_000;
                }
            }
        }
        return micros;
    }

    private static long routine(HttpClient http, LoopbackStack stack, String executor, int client, int i)
            throws Exception {
        long started = System.nanoTime();
        String answer = post(http, executor + "/v1/continuations/run", CONTINUATION.formatted(client, i), stack.token);
        long nanos = System.nanoTime() - started;
        if (!answer.contains("\"outcome\":\"served\"")) {
            throw new IllegalStateException("the executor did not serve the routine: " + answer);
        }
        return nanos;
    }

    private static long bare(HttpClient http, LoopbackStack stack) throws Exception {
        long started = System.nanoTime();
        for (String reservation : RESERVATIONS) {
            post(http, stack.toolUrl("get_reservation_details"), "{\"reservation_id\": \"" + reservation + "\"}", null);
        }
        return System.nanoTime() - started;
    }

    private static long bareWithGateway(LoopbackStack stack) throws Exception {
        long started = System.nanoTime();
        for (String reservation : RESERVATIONS) {
            stack.directGateway.call(new ToolInvocation("get_reservation_details",
                    JSON.createObjectNode().put("reservation_id", reservation), null));
        }
        return System.nanoTime() - started;
    }

    private static String post(HttpClient http, String url, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static long[] sorted(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sorted().toArray();
    }
}
