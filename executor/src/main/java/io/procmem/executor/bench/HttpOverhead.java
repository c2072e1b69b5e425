package io.procmem.executor.bench;

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
 * Executor overhead on loopback: each of {@code clients} threads alternates one routine served by the executor
 * ({@code POST /v1/continuations/run}, which makes three get_reservation_details calls through the HTTP gateway)
 * with the same three calls made directly on the sample tool server, so both see the same machine state. The
 * overhead is {@code 1 - bare / executor} of the mean latency per routine. Every answer is checked (served, 200).
 *
 * <p>Limit: the sample tools answer from memory in microseconds, so the executor's extra hop weighs far more here
 * than next to real tools that take milliseconds; this is the worst case.
 */
final class HttpOverhead {
    private static final String[] RESERVATIONS = {"NO6JO3", "AIXC49", "HKEG34"};
    private static final String CONTINUATION = """
            {"sessionId": "bench-%d-%d", "steps": [{"tool": "get_user_details", "arguments": {"user_id": "mia_li_3668"},
             "result": {"user_id": "mia_li_3668", "reservations": ["NO6JO3", "AIXC49", "HKEG34"]}}]}""";

    /** Latencies in microseconds. */
    record Figures(long[] executorMicros, long[] bareMicros) {
        double overhead() {
            return 1.0 - mean(bareMicros) / mean(executorMicros);
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
            List<Long> executor = new ArrayList<>();
            List<Long> bare = new ArrayList<>();
            for (Future<long[][]> run : runs) {
                long[][] figures = run.get();
                Arrays.stream(figures[0]).forEach(executor::add);
                Arrays.stream(figures[1]).forEach(bare::add);
            }
            return new Figures(sorted(executor), sorted(bare));
        } finally {
            pool.shutdownNow();
        }
    }

    private static long[][] client(LoopbackStack stack, int client, int routines, int warmup) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long[] executor = new long[routines];
        long[] bare = new long[routines];
        for (int i = 0; i < warmup + routines; i++) {
            long started = System.nanoTime();
            String answer = post(http, stack.executor.url() + "/v1/continuations/run", CONTINUATION.formatted(client, i),
                    stack.token);
            long executorNanos = System.nanoTime() - started;
            if (!answer.contains("\"outcome\":\"served\"")) {
                throw new IllegalStateException("the executor did not serve the routine: " + answer);
            }
            started = System.nanoTime();
            for (String reservation : RESERVATIONS) {
                post(http, stack.toolUrl("get_reservation_details"), "{\"reservation_id\": \"" + reservation + "\"}", null);
            }
            long bareNanos = System.nanoTime() - started;
            if (i >= warmup) {
                executor[i - warmup] = executorNanos / 1_000;
                bare[i - warmup] = bareNanos / 1_000;
            }
        }
        return new long[][] {executor, bare};
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
