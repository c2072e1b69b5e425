package io.procmem.executor.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.procmem.executor.binding.UnresolvedBinding;
import io.procmem.executor.matching.ContinuationQuery;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH: one continuation matched and its next call bound ({@link MatchAndBind}) against an index of
 * {@code procedures} synthetic procedures plus the routine, sampled per call (p50/p99 in microseconds). The query
 * is built per call, as a request's would be, so computing the abstract steps is part of what is timed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MatchBindBenchmark {
    @Param("100000")
    public int procedures;

    private MatchAndBind matchAndBind;

    @Setup
    public void setUp() {
        matchAndBind = new MatchAndBind(BenchProcedures.index(procedures));
    }

    @Benchmark
    public ObjectNode matchAndBind() throws UnresolvedBinding {
        ContinuationQuery query = MatchAndBind.session();
        return matchAndBind.nextCall(query);
    }
}
