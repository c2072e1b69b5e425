package io.procmem.executor.runner;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.procmem.avro.ProcedureStep;
import io.procmem.avro.SideEffect;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Makes the calls of one foreach step, one per list element. A READ step has up to {@code parallelism} calls under
 * way at once; WRITE and UNKNOWN steps, and every step when {@code parallelism} is 1, call one element after the
 * other. Either way the answer is the calls in element order, up to and including the first that failed in that
 * order, so the run escalates at the same element whatever the timing.
 *
 * <p>Elements are started in list order and none is started once an earlier one has failed; calls of later
 * elements already under way when it failed are finished (never abandoned mid-call) and their results dropped, so a
 * read tool may see up to {@code parallelism - 1} calls beyond the failing element. All calls have ended when
 * {@link #call} returns, so no call of a later step can overlap them.
 *
 * <p>The calling thread makes calls itself; helpers come from a shared pool of at most {@value #MAX_HELPERS}
 * daemon threads, and when none is free the step runs with fewer calls at once rather than waiting.
 */
final class LoopCalls {
    static final int MAX_HELPERS = 256;
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ToolCaller caller;
    private final int parallelism;
    private final ThreadPoolExecutor helpers;

    LoopCalls(ToolCaller caller, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("foreach parallelism must be at least 1, got " + parallelism);
        }
        this.caller = caller;
        this.parallelism = parallelism;
        if (parallelism == 1) {
            this.helpers = null;
        } else {
            String prefix = "procmem-foreach-" + POOLS.incrementAndGet() + "-";
            AtomicInteger threads = new AtomicInteger();
            this.helpers = new ThreadPoolExecutor(0, MAX_HELPERS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
                Thread thread = new Thread(r, prefix + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    /** The calls in element order, up to and including the first failed one. */
    List<ToolCall> call(String runId, ProcedureStep step, List<ObjectNode> argumentSets) {
        int concurrent = step.getSideEffect() == SideEffect.READ ? Math.min(parallelism, argumentSets.size()) : 1;
        return concurrent <= 1 ? oneByOne(runId, step, argumentSets) : new Walk(runId, step, argumentSets).run(concurrent);
    }

    private List<ToolCall> oneByOne(String runId, ProcedureStep step, List<ObjectNode> argumentSets) {
        List<ToolCall> made = new ArrayList<>(argumentSets.size());
        for (int e = 0; e < argumentSets.size(); e++) {
            ToolCall call = caller.call(runId, step, e, argumentSets.get(e));
            made.add(call);
            if (call.failed()) {
                break;
            }
        }
        return made;
    }

    /** One step's elements, claimed in list order by the calling thread and its helpers. */
    private final class Walk {
        private final String runId;
        private final ProcedureStep step;
        private final List<ObjectNode> argumentSets;
        private final ToolCall[] made;
        private final AtomicInteger next = new AtomicInteger();
        /** The earliest element whose call failed so far, or MAX_VALUE. */
        private final AtomicInteger firstFailed = new AtomicInteger(Integer.MAX_VALUE);
        private final AtomicReference<RuntimeException> crashed = new AtomicReference<>();

        Walk(String runId, ProcedureStep step, List<ObjectNode> argumentSets) {
            this.runId = runId;
            this.step = step;
            this.argumentSets = argumentSets;
            this.made = new ToolCall[argumentSets.size()];
        }

        List<ToolCall> run(int concurrent) {
            CountDownLatch helpersDone = new CountDownLatch(concurrent - 1);
            for (int h = 1; h < concurrent; h++) {
                try {
                    helpers.execute(() -> {
                        try {
                            work();
                        } finally {
                            helpersDone.countDown();
                        }
                    });
                } catch (RejectedExecutionException e) {
                    helpersDone.countDown();
                }
            }
            work();
            awaitUninterruptibly(helpersDone);
            RuntimeException crash = crashed.get();
            if (crash != null) {
                throw crash;
            }
            List<ToolCall> inOrder = new ArrayList<>(made.length);
            for (ToolCall call : made) {
                // Every element before the first failed one was started, hence made; none after it is kept.
                inOrder.add(call);
                if (call.failed()) {
                    break;
                }
            }
            return inOrder;
        }

        private void work() {
            for (int e = next.getAndIncrement(); e < made.length; e = next.getAndIncrement()) {
                if (firstFailed.get() < e) {
                    return;
                }
                try {
                    ToolCall call = caller.call(runId, step, e, argumentSets.get(e));
                    made[e] = call;
                    if (call.failed()) {
                        firstFailed.accumulateAndGet(e, Math::min);
                    }
                } catch (RuntimeException crash) {
                    crashed.compareAndSet(null, crash);
                    firstFailed.accumulateAndGet(e, Math::min);
                    return;
                }
            }
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
