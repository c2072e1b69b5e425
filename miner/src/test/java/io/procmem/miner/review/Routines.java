package io.procmem.miner.review;

import io.procmem.avro.SessionOutcome;
import io.procmem.miner.Sessions;
import io.procmem.miner.session.FinishedSession;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/** Hand-made sessions of the routine "look something up, then use the id it returned". */
final class Routines {
    static final String SEQUENCE = "lookup(q) > use(id)";

    private Routines() {
    }

    /** use.id is in lookup's result. */
    static FinishedSession fromResult(int i) {
        return fromResult(i, SessionOutcome.SUCCESS, "agent");
    }

    static FinishedSession fromResult(int i, SessionOutcome outcome, String agent) {
        return Sessions.session("s" + i, agent, outcome, null, "lookup", "{\"q\":\"q" + i + "\"}",
                "{\"id\":\"u" + i + "\"}", "use", "{\"id\":\"u" + i + "\"}", "{}");
    }

    /** use.id is in no result: the agent got it elsewhere. */
    static FinishedSession fromNowhere(int i) {
        return Sessions.session("s" + i, "agent", SessionOutcome.SUCCESS, null, "lookup", "{\"q\":\"q" + i + "\"}",
                "{\"id\":\"other\"}", "use", "{\"id\":\"u" + i + "\"}", "{}");
    }

    static List<FinishedSession> sessions(int from, int to, IntFunction<FinishedSession> session) {
        return IntStream.range(from, to).mapToObj(session).toList();
    }
}
