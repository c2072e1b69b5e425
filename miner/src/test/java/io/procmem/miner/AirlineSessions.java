package io.procmem.miner;

import io.procmem.avro.AgentEvent;
import io.procmem.ingest.importer.AgentEventMapper;
import io.procmem.ingest.trajectory.RecordedSession;
import io.procmem.ingest.trajectory.SessionDefaults;
import io.procmem.ingest.trajectory.TrajectoryProblem;
import io.procmem.ingest.trajectory.TrajectoryReader;
import io.procmem.miner.session.FinishedSession;
import io.procmem.miner.session.SessionAssembler;
import io.procmem.miner.session.SessionAssembler.Assembly;
import io.procmem.miner.session.SessionAssembler.Closed;
import io.procmem.miner.session.SessionAssembler.Pending;
import io.procmem.miner.session.SessionBuffer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundled tau-bench airline trajectories as the miner's session assembly closes them: read and mapped to events
 * by the ingest module (as an import would send them), then assembled.
 */
public final class AirlineSessions {
    public static final Path FILE = Path.of("..", "data", "tau-bench-airline-gpt4o", "gpt-4o-airline.json");

    private AirlineSessions() {
    }

    public static List<FinishedSession> read() throws IOException {
        if (!Files.isRegularFile(FILE)) {
            throw new IllegalStateException("bundled data not found at " + FILE.toAbsolutePath());
        }
        AgentEventMapper mapper = new AgentEventMapper(Duration.ofMillis(1));
        SessionAssembler assembler = new SessionAssembler(Long.MAX_VALUE);
        List<FinishedSession> sessions = new ArrayList<>();
        new TrajectoryReader(FILE, SessionDefaults.forFile(FILE, null, "airline")).read(record -> {
            if (record instanceof TrajectoryProblem problem) {
                throw new IllegalStateException("bundled record " + problem + " does not parse");
            }
            SessionBuffer buffer = null;
            for (AgentEvent event : mapper.map((RecordedSession) record, Instant.EPOCH)) {
                Assembly assembly = assembler.apply(buffer, event, 0);
                if (assembly instanceof Pending pending) {
                    buffer = pending.buffer();
                } else if (assembly instanceof Closed closed) {
                    sessions.add(closed.session());
                }
            }
        });
        return sessions;
    }
}
