package io.procmem.miner;

import io.procmem.avro.SessionOutcome;
import io.procmem.miner.session.BufferedStep;
import io.procmem.miner.session.FinishedSession;
import java.util.ArrayList;
import java.util.List;

/** Hand-made finished sessions for core tests: calls with arguments and results, in order. */
public final class Sessions {

    private Sessions() {
    }

    /** A successful call. */
    public static BufferedStep call(int index, String tool, String argumentsJson, String resultJson) {
        return new BufferedStep(index, tool, argumentsJson, resultJson, true);
    }

    /** A session of successful calls, numbered from 0, by agent {@code agent}. */
    public static FinishedSession session(String id, String agent, SessionOutcome outcome, String requestText,
                                          String... toolArgsResult) {
        if (toolArgsResult.length % 3 != 0) {
            throw new IllegalArgumentException("give tool, arguments and result for every call");
        }
        List<BufferedStep> steps = new ArrayList<>();
        for (int i = 0; i < toolArgsResult.length; i += 3) {
            steps.add(call(i / 3, toolArgsResult[i], toolArgsResult[i + 1], toolArgsResult[i + 2]));
        }
        return of(id, agent, outcome, requestText, null, steps);
    }

    public static FinishedSession of(String id, String agent, SessionOutcome outcome, String requestText,
                                     String requestParamsJson, List<BufferedStep> steps) {
        return new FinishedSession(id, agent, "acme", requestText, requestParamsJson, outcome, steps, true, 0);
    }
}
