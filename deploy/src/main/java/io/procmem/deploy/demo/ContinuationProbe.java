package io.procmem.deploy.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.procmem.ingest.trajectory.RecordedSession;
import io.procmem.ingest.trajectory.RecordedStep;
import io.procmem.ingest.trajectory.SessionDefaults;
import io.procmem.ingest.trajectory.TrajectoryReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays the opening steps of recorded sessions against the executor, as an agent would after its first calls,
 * and reports the first continuation it offers. The demo's proof that mined procedures are served.
 */
public final class ContinuationProbe {
    private static final Logger LOG = LoggerFactory.getLogger("procmem");
    private static final int MAX_SESSIONS = 50;
    private static final int MAX_PREFIX = 3;
    private final ExecutorClient executor;

    public ContinuationProbe(String executorUrl) {
        this.executor = new ExecutorClient(executorUrl);
    }

    /** Queries prefixes of successful sessions of {@code file}; logs and returns the first answer with a match. */
    public Optional<JsonNode> firstMatch(Path file) throws IOException, InterruptedException {
        List<RecordedSession> sessions = new ArrayList<>();
        new TrajectoryReader(file, SessionDefaults.forFile(file, null, "default")).read(record -> {
            if (record instanceof RecordedSession s && s.outcome() == RecordedSession.Outcome.SUCCESS
                    && sessions.size() < MAX_SESSIONS) {
                sessions.add(s);
            }
        });
        for (RecordedSession session : sessions) {
            for (int k = 1; k <= Math.min(MAX_PREFIX, session.steps().size() - 1); k++) {
                List<RecordedStep> prefix = session.steps().subList(0, k);
                ObjectNode request = ExecutorClient.continuationRequest(prefix);
                JsonNode answer = executor.continuations(request);
                if (answer.path("matches").size() > 0) {
                    LOG.info("session {} ran {}; the executor answered:\n{}", session.sessionId(),
                            prefix.stream().map(RecordedStep::tool).collect(Collectors.joining(" > ")),
                            ExecutorClient.pretty(answer.path("matches").get(0)));
                    return Optional.of(answer);
                }
            }
        }
        return Optional.empty();
    }
}
