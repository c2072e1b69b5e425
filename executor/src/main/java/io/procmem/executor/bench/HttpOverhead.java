package io.procmem.executor.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;

/**
 * Executor overhead on loopback, seen from an agent: each of {@code clients} threads repeats, in turn, one routine
 * served by the sequential executor and by the parallel one ({@code POST /v1/continuations/run}, which makes three
 * get_reservation_details calls through the executor's HTTP gateway, one foreach step), and the same three calls made
 * directly on the sample tool server: the bare round trips the executor saves the agent. The agent makes all of its
 * calls, to the executor and to the tools alike, with one HTTP client: Apache HttpClient's classic client (the
 * headline figures), and, as a reference, the JDK's {@link HttpClient} (which costs more per call). All series see
 * the same machine state. The overhead is {@code 1 - bare / executor} of the mean latency per routine. Every answer
 * is checked.
 *
 * <p>Limits: the sample tools answer from memory in microseconds, so the executor's extra hop weighs far more here
 * than next to real tools that take milliseconds; this is the worst case.
 */
final class HttpOverhead {
    private static final int SERIES = 5;
    private static final String[] RESERVATIONS = {"NO6JO3", "AIXC49", "HKEG34"};
    private static final String CONTINUATION = """
            {"sessionId": "bench-%d-%d", "steps": [{"tool": "get_user_details", "arguments": {"user_id": "mia_li_3668"},
             "result": {"user_id": "mia_li_3668", "reservations": ["NO6JO3", "AIXC49", "HKEG34"]}}]}""";

    /** Latencies in microseconds, sorted. */
    /** Latencies with the Apache client ({@code sequential}, {@code parallel}, {@code bare}) and the JDK one. */
    record Figures(long[] sequentialMicros, long[] parallelMicros, long[] bareMicros, long[] jdkParallelMicros,
                   long[] jdkBareMicros) {
        /** Overhead of the executor with foreach parallelism against the bare calls, one client for both. */
        double overhead() {
            return 1.0 - mean(bareMicros) / mean(parallelMicros);
        }

        /** Overhead of the executor calling a foreach's elements one after the other, against the same bare calls. */
        double sequentialOverhead() {
            return 1.0 - mean(bareMicros) / mean(sequentialMicros);
        }

        /** The parallel executor against bare calls, both made with the JDK client (reference). */
        double jdkOverhead() {
            return 1.0 - mean(jdkBareMicros) / mean(jdkParallelMicros);
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
            List<List<Long>> all = new ArrayList<>();
            for (int k = 0; k < SERIES; k++) {
                all.add(new ArrayList<>());
            }
            for (Future<long[][]> run : runs) {
                long[][] figures = run.get();
                for (int k = 0; k < SERIES; k++) {
                    Arrays.stream(figures[k]).forEach(all.get(k)::add);
                }
            }
            return new Figures(sorted(all.get(0)), sorted(all.get(1)), sorted(all.get(2)), sorted(all.get(3)),
                    sorted(all.get(4)));
        } finally {
            pool.shutdownNow();
        }
    }

    private static long[][] client(LoopbackStack stack, int client, int routines, int warmup) throws Exception {
        try (AgentClient apache = new ApacheAgent(); AgentClient jdk = new JdkAgent()) {
            long[][] micros = new long[SERIES][routines];
            for (int i = 0; i < warmup + routines; i++) {
                long[] nanos = {
                    routine(apache, stack, stack.sequential.url(), client, 3 * i),
                    routine(apache, stack, stack.parallel.url(), client, 3 * i + 1),
                    bare(apache, stack),
                    routine(jdk, stack, stack.parallel.url(), client, 3 * i + 2),
                    bare(jdk, stack),
                };
                if (i >= warmup) {
                    for (int k = 0; k < SERIES; k++) {
                        micros[k][i - warmup] = nanos[k] / 1_000;
                    }
                }
            }
            return micros;
        }
    }

    private static long routine(AgentClient agent, LoopbackStack stack, String executor, int client, int i)
            throws Exception {
        long started = System.nanoTime();
        String answer = agent.post(executor + "/v1/continuations/run", CONTINUATION.formatted(client, i), stack.token);
        long nanos = System.nanoTime() - started;
        if (!answer.contains("\"outcome\":\"served\"")) {
            throw new IllegalStateException("the executor did not serve the routine: " + answer);
        }
        return nanos;
    }

    private static long bare(AgentClient agent, LoopbackStack stack) throws Exception {
        long started = System.nanoTime();
        for (String reservation : RESERVATIONS) {
            agent.post(stack.toolUrl("get_reservation_details"), "{\"reservation_id\": \"" + reservation + "\"}", null);
        }
        return System.nanoTime() - started;
    }

    /** The agent's HTTP client: POSTs JSON, with a bearer token when given, and wants a 200. */
    private interface AgentClient extends AutoCloseable {
        String post(String url, String body, String token) throws Exception;

        @Override
        void close();

        static String checked(String url, int status, String body) {
            if (status != 200) {
                throw new IllegalStateException(url + " answered " + status + ": " + body);
            }
            return body;
        }
    }

    private static final class JdkAgent implements AgentClient {
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        @Override
        public String post(String url, String body, String token) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return AgentClient.checked(url, response.statusCode(), response.body());
        }

        @Override
        public void close() {
            // The JDK client of Java 17 has nothing to close.
        }
    }

    private static final class ApacheAgent implements AgentClient {
        private final CloseableHttpClient http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).build()).build())
                .disableAutomaticRetries().disableRedirectHandling().disableCookieManagement().disableContentCompression()
                .build();

        @Override
        public String post(String url, String body, String token) throws Exception {
            HttpPost request = new HttpPost(url);
            request.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
            if (token != null) {
                request.setHeader("Authorization", "Bearer " + token);
            }
            return http.execute(request, response -> AgentClient.checked(url, response.getCode(),
                    EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8)));
        }

        @Override
        public void close() {
            http.close(CloseMode.GRACEFUL);
        }
    }

    private static long[] sorted(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sorted().toArray();
    }
}
