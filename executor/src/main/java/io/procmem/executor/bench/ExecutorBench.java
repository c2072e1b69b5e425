package io.procmem.executor.bench;

import io.procmem.executor.config.ExecutorConfig;
import java.io.PrintStream;
import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * {@code procmem bench executor}: (a) match + bind latency with {@code procedures} procedures indexed (JMH,
 * {@link MatchBindBenchmark}, p50/p99 in µs; target p99 < 50 µs) and (b) the executor's serving overhead on loopback
 * against the sample tool server ({@link HttpOverhead}; target < 10%), with a foreach's calls made one after the
 * other and with the default foreach parallelism, each against the same tool calls made directly, with one HTTP
 * client for all of the agent's calls, timed in the same run. Prints a report whose last line is
 * {@code ratio <executor overhead fraction at the default foreach parallelism>}.
 *
 * <p>JMH forks a JVM per trial when {@code forks > 0}, on this JVM's class path, so run it from a plain
 * {@code java -cp} launch; {@code forks = 0} runs in this JVM (tests, quick looks) at some cost in isolation.
 */
public final class ExecutorBench {

    /**
     * @param procedures  synthetic procedures indexed for match + bind
     * @param iterations  JMH warm-up and measurement iterations (each)
     * @param seconds     length of one JMH iteration
     * @param forks       JMH forks; 0 runs in this JVM
     * @param clients     concurrent HTTP clients
     * @param routines    routines each client times (after {@code warmup} untimed ones)
     */
    public record Options(int procedures, int iterations, int seconds, int forks, int clients, int routines,
                          int warmup) {
        public static Options defaults() {
            return new Options(100_000, 5, 2, 1, 8, 2_000, 500);
        }
    }

    /**
     * The measured figures, in microseconds. {@code executorMean} and {@code overhead} are those of an executor with
     * the default foreach parallelism ({@code executor.foreach.parallelism}), the {@code sequential} ones those of an
     * executor calling a foreach's elements one after the other; both against {@code bareMean}, the same tool calls
     * made directly, the agent using one HTTP client (Apache's classic client) for all its calls.
     * {@code jdkOverhead} is the parallel executor's overhead when that client is the JDK's.
     */
    public record Result(double matchBindP50, double matchBindP99, double executorMean, double bareMean,
                         double overhead, double sequentialMean, double sequentialOverhead, double jdkOverhead,
                         int parallelism) {
    }

    private ExecutorBench() {
    }

    /** Runs with {@link Options#defaults()}; the report goes to stdout, as it is this program's output. */
    public static void main(String[] args) throws Exception {
        run(Options.defaults(), System.out);
    }

    public static Result run(Options options, PrintStream out) throws Exception {
        out.printf(Locale.ROOT, "match + bind, %,d procedures indexed (JMH SampleTime, %d x %d s, %d fork(s))%n",
                options.procedures(), options.iterations(), options.seconds(), options.forks());
        Statistics match = matchAndBind(options);
        out.printf(Locale.ROOT, "  p50 %.2f us   p99 %.2f us   (%d samples; target p99 < 50 us)%n",
                match.getPercentile(50), match.getPercentile(99), match.getN());
        int parallelism = defaultParallelism();
        out.printf(Locale.ROOT, "serving on loopback: %d clients x %d routines (3 tool calls each, one foreach step),"
                + " %d warm-up%n", options.clients(), options.routines(), options.warmup());
        HttpOverhead.Figures http;
        try (LoopbackStack stack = new LoopbackStack(parallelism)) {
            http = HttpOverhead.measure(stack, options.clients(), options.routines(), options.warmup());
        }
        print(out, "executor, foreach sequential", http.sequentialMicros());
        print(out, "executor, foreach parallelism " + parallelism + " (default)", http.parallelMicros());
        print(out, "bare tool calls", http.bareMicros());
        print(out, "JDK client: executor, parallelism " + parallelism, http.jdkParallelMicros());
        print(out, "JDK client: bare tool calls", http.jdkBareMicros());
        out.printf(Locale.ROOT, "  executor overhead 1 - bare/executor (target < 10%%):%n");
        out.printf(Locale.ROOT, "    foreach sequential          %5.1f%%%n", http.sequentialOverhead() * 100);
        out.printf(Locale.ROOT, "    foreach parallelism %-2d      %5.1f%%   (with the JDK client on both sides: %5.1f%%)%n",
                parallelism, http.overhead() * 100, http.jdkOverhead() * 100);
        out.printf(Locale.ROOT, "ratio %.4f%n", http.overhead());
        return new Result(match.getPercentile(50), match.getPercentile(99), HttpOverhead.Figures.mean(http.parallelMicros()),
                HttpOverhead.Figures.mean(http.bareMicros()), http.overhead(),
                HttpOverhead.Figures.mean(http.sequentialMicros()), http.sequentialOverhead(), http.jdkOverhead(),
                parallelism);
    }

    /** The executor's default {@code executor.foreach.parallelism}, so the bench measures what ships. */
    static int defaultParallelism() {
        return (Integer) ExecutorConfig.DEFINITION.defaultValues().get(ExecutorConfig.FOREACH_PARALLELISM);
    }

    private static Statistics matchAndBind(Options options) throws RunnerException {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(MatchBindBenchmark.class.getName() + ".matchAndBind")
                .param("procedures", String.valueOf(options.procedures()))
                .timeUnit(TimeUnit.MICROSECONDS)
                .warmupIterations(options.iterations()).warmupTime(TimeValue.seconds(options.seconds()))
                .measurementIterations(options.iterations()).measurementTime(TimeValue.seconds(options.seconds()))
                .forks(options.forks())
                .shouldFailOnError(true)
                .build()).run();
        return results.iterator().next().getPrimaryResult().getStatistics();
    }

    private static void print(PrintStream out, String label, long[] sortedMicros) {
        out.printf(Locale.ROOT, "  %-44s mean %8.1f us   p50 %6d us   p99 %6d us%n", label,
                HttpOverhead.Figures.mean(sortedMicros), HttpOverhead.Figures.percentile(sortedMicros, 50),
                HttpOverhead.Figures.percentile(sortedMicros, 99));
    }
}
