package io.procmem.executor.runner;

import static io.procmem.executor.Routines.item;
import static io.procmem.executor.Routines.procedure;
import static io.procmem.executor.Routines.step;
import static io.procmem.executor.Routines.stepResult;
import static io.procmem.executor.runner.ProcedureRunnerTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ProcedureStatus;
import io.procmem.avro.SideEffect;
import io.procmem.executor.gateway.ToolCallException;
import io.procmem.executor.gateway.ToolInvocation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/** A foreach step's calls with executor.foreach.parallelism above 1: order, first failure, writes one by one. */
class ParallelForeachTest {
    private static final JsonNode FIVE = json("{\"reservations\": [\"R0\", \"R1\", \"R2\", \"R3\", \"R4\"]}");

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final ScriptedGateway gateway = new ScriptedGateway()
            .on("summarize", args -> json("{\"ok\": true}"));

    @Test
    void shouldCallTheElementsConcurrentlyAndKeepTheirOrder() {
        // Every call waits until three are under way at once: this run finishes only if the calls overlap.
        CyclicBarrier threeAtOnce = new CyclicBarrier(3);
        CountDownLatch r1Answered = new CountDownLatch(1);
        CountDownLatch r2Answered = new CountDownLatch(1);
        gateway.on("get_reservation", args -> {
            String id = args.get("reservation_id").asText();
            if (!id.equals("R3") && !id.equals("R4")) {
                await(threeAtOnce);
            }
            // Later elements answer first: R2, then R1, then R0.
            if (id.equals("R1")) {
                await(r2Answered);
                r1Answered.countDown();
            } else if (id.equals("R0")) {
                await(r1Answered);
            } else if (id.equals("R2")) {
                r2Answered.countDown();
            }
            return json("{\"reservation_id\": \"" + id + "\"}");
        });

        RunOutcome outcome = runner(3).run(plan(loop(SideEffect.READ)));

        assertThat(outcome).isInstanceOfSatisfying(RunOutcome.Served.class, served -> {
            assertThat(served.calls()).extracting(ToolCall::element).containsExactly(0, 1, 2, 3, 4, null);
            assertThat(served.calls()).extracting(c -> c.result().path("reservation_id").asText())
                    .containsExactly("R0", "R1", "R2", "R3", "R4", "");
            assertThat(served.calls()).extracting(ToolCall::tool).last().isEqualTo("summarize");
        });
        assertThat(mostInFlight).hasValue(3);
    }

    @Test
    void shouldEscalateAtTheFirstFailingElementInListOrderEvenWhenALaterOneFailsFirst() {
        CountDownLatch r2Failed = new CountDownLatch(1);
        CountDownLatch r0Answered = new CountDownLatch(1);
        gateway.on("get_reservation", args -> {
            String id = args.get("reservation_id").asText();
            if (id.equals("R2")) {
                r2Failed.countDown();
                throw ToolCallException.toolError("R2 not found");
            }
            // R2 fails first; R0 then succeeds and R1 fails after it.
            await(r2Failed);
            if (id.equals("R1")) {
                await(r0Answered);
                throw ToolCallException.toolError("R1 not found");
            }
            r0Answered.countDown();
            return json("{\"reservation_id\": \"" + id + "\"}");
        });

        RunOutcome outcome = runner(3).run(plan(loop(SideEffect.READ)));

        assertThat(outcome).isInstanceOfSatisfying(RunOutcome.Escalated.class, escalated -> {
            assertThat(escalated.check().kind()).isEqualTo(Check.Kind.TOOL_ERROR);
            assertThat(escalated.check().stepIndex()).isEqualTo(1);
            assertThat(escalated.check().message()).isEqualTo("R1 not found");
            assertThat(escalated.failedCall().element()).isEqualTo(1);
            assertThat(escalated.calls()).extracting(ToolCall::element).containsExactly(0);
            // Two session steps, then the one call before the failing element.
            assertThat(escalated.resumeIndex()).isEqualTo(3);
            assertThat(escalated.stepsRun()).isZero();
        });
        // R0 to R2 were called once each. R3 may have been too: R0's thread is freed by R2's failure in the tool,
        // and may claim R3 before R2's thread has recorded that failure (LoopCalls allows calls beyond the failing
        // element that started before the failure was known). The later step was not run either way.
        assertThat(elementsCalled()).doesNotHaveDuplicates().contains("R0", "R1", "R2");
        assertThat(gateway.toolsCalled()).doesNotContain("summarize");
    }

    @Test
    void shouldStartNoElementAfterAFailedOneAndFinishThoseUnderWay() throws Exception {
        CountDownLatch r1Started = new CountDownLatch(1);
        CountDownLatch r0Failed = new CountDownLatch(1);
        CountDownLatch releaseR1 = new CountDownLatch(1);
        AtomicInteger r1Finished = new AtomicInteger();
        gateway.on("get_reservation", args -> {
            String id = args.get("reservation_id").asText();
            if (id.equals("R0")) {
                // R0 fails while R1 is under way.
                await(r1Started);
                r0Failed.countDown();
                throw ToolCallException.toolError("R0 not found");
            }
            r1Started.countDown();
            await(r0Failed);
            await(releaseR1);
            r1Finished.incrementAndGet();
            return json("{\"reservation_id\": \"" + id + "\"}");
        });

        CompletableFuture<RunOutcome> run = CompletableFuture.supplyAsync(() -> runner(2).run(plan(loop(SideEffect.READ))));
        assertThat(r0Failed.await(5, TimeUnit.SECONDS)).isTrue();
        // R0 has failed; while R1 is held the run must not answer.
        Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !run.isDone());
        releaseR1.countDown();
        RunOutcome outcome = run.get(5, TimeUnit.SECONDS);

        assertThat(r1Finished).as("the run waited for the call under way").hasValue(1);
        assertThat(outcome).isInstanceOfSatisfying(RunOutcome.Escalated.class, escalated -> {
            assertThat(escalated.failedCall().element()).isZero();
            assertThat(escalated.calls()).isEmpty();
            assertThat(escalated.resumeIndex()).isEqualTo(2);
        });
        assertThat(elementsCalled()).containsExactlyInAnyOrder("R0", "R1");
        assertThat(gateway.toolsCalled()).doesNotContain("summarize");
    }

    @Test
    void shouldCallAWriteLoopOneElementAfterTheOtherAndNeverRetryIt() {
        gateway.on("cancel_reservation", args -> {
            String id = args.get("reservation_id").asText();
            holdForAnotherCall();
            if (id.equals("R2")) {
                throw ToolCallException.transport("R2: connection reset", null);
            }
            return json("{\"cancelled\": \"" + id + "\"}");
        });

        RunOutcome outcome = runner(4).run(plan(loop(SideEffect.WRITE)));

        assertThat(outcome).isInstanceOfSatisfying(RunOutcome.Escalated.class, escalated -> {
            assertThat(escalated.failedCall().element()).isEqualTo(2);
            assertThat(escalated.failedCall().attempts()).isEqualTo(1);
            assertThat(escalated.calls()).extracting(ToolCall::element).containsExactly(0, 1);
        });
        assertThat(gateway.invocations()).extracting(i -> i.arguments().get("reservation_id").asText())
                .containsExactly("R0", "R1", "R2");
        assertThat(gateway.invocations()).extracting(ToolInvocation::idempotencyKey)
                .containsExactly("r-1-1-0", "r-1-1-1", "r-1-1-2");
        assertThat(mostInFlight).hasValue(1);
    }

    @Test
    void shouldCallOneElementAfterTheOtherWithParallelismOne() {
        gateway.on("get_reservation", args -> {
            holdForAnotherCall();
            return json("{\"reservation_id\": " + args.get("reservation_id") + "}");
        });

        RunOutcome outcome = runner(1).run(plan(loop(SideEffect.READ)));

        assertThat(outcome).isInstanceOf(RunOutcome.Served.class);
        assertThat(elementsCalled()).containsExactly("R0", "R1", "R2", "R3", "R4");
        assertThat(mostInFlight).hasValue(1);
    }

    /** A runner whose gateway counts the calls under way. */
    private ProcedureRunner runner(int parallelism) {
        ScriptedGateway counted = gateway;
        return new ProcedureRunner(new io.procmem.executor.gateway.ToolGateway() {
            @Override
            public boolean handles(String tool) {
                return counted.handles(tool);
            }

            @Override
            public JsonNode call(ToolInvocation invocation) throws ToolCallException {
                mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    return counted.call(invocation);
                } finally {
                    inFlight.decrementAndGet();
                }
            }
        }, new RetryPolicy(3, Duration.ofMillis(1)), parallelism);
    }

    /** list_reservations (the agent's), then a foreach over its reservations, then a step reading the loop's results. */
    private static CompiledProcedure loop(SideEffect effect) {
        String tool = effect == SideEffect.READ ? "get_reservation" : "cancel_reservation";
        return procedure("p-loop", ProcedureStatus.AUTONOMOUS,
                step(0, "list_reservations", SideEffect.READ, null),
                step(1, tool, effect, "$.steps[0].result.reservations", item("reservation_id", "$.item")),
                step(2, "summarize", SideEffect.READ, null, stepResult("first", "$.steps[1].result[0]")));
    }

    private static RunPlan plan(CompiledProcedure procedure) {
        return new RunPlan("r-1", procedure, 1, List.of(FIVE), Map.of(), null, 2);
    }

    private List<String> elementsCalled() {
        return gateway.invocations().stream().filter(i -> !i.tool().equals("summarize"))
                .map(i -> i.arguments().get("reservation_id").asText()).toList();
    }

    private static void await(CyclicBarrier barrier) throws ToolCallException {
        try {
            barrier.await(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw ToolCallException.toolError("the calls did not overlap: " + e);
        }
    }

    private static void await(CountDownLatch latch) throws ToolCallException {
        try {
            if (!latch.await(5, TimeUnit.SECONDS)) {
                throw ToolCallException.toolError("timed out");
            }
        } catch (InterruptedException e) {
            throw ToolCallException.toolError("interrupted");
        }
    }

    /**
     * Holds a call until another call is under way, for at most 100 ms: a runner that overlapped the calls would show
     * it in {@link #mostInFlight}, one that calls them one after the other passes the deadline each time.
     */
    private void holdForAnotherCall() {
        try {
            Awaitility.await().atMost(Duration.ofMillis(100)).pollInterval(Duration.ofMillis(5)).until(() -> inFlight.get() > 1);
        } catch (ConditionTimeoutException alone) {
            // Expected when the calls come one at a time.
        }
    }
}
