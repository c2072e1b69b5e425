package io.procmem.ingest.importer;

import io.procmem.avro.AgentEvent;
import io.procmem.avro.DeadLetter;
import io.procmem.ingest.client.StepEventPublisher;
import io.procmem.ingest.config.IngestConfig;
import io.procmem.ingest.importer.ImportSummary.Problem;
import io.procmem.ingest.trajectory.RecordedSession;
import io.procmem.ingest.trajectory.TrajectoryProblem;
import io.procmem.ingest.trajectory.TrajectoryReader;
import io.procmem.ingest.trajectory.TrajectoryRecord;
import io.procmem.schemas.dlq.DeadLetters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a recorded-trajectory file (any form {@link TrajectoryReader} accepts): every session becomes its events on
 * the steps topic, every malformed record a {@link DeadLetter} on the dead-letter topic (stage {@value #STAGE},
 * source {@code <file name>#<index>}, original value the record's JSON bytes, reason also in the headers).
 *
 * <p>Idempotence: within one run, the idempotent producer keeps retried sends from being written twice. Across runs,
 * re-importing the same file writes the same events again, with the same ids and byte-identical values (ids and
 * timestamps derive from the file and the configured base time, not from the clock), so consumers that drop seen
 * event ids see each event once. The topic itself then holds both copies.
 *
 * <p>Timestamps: events are spaced {@code ingest.event.spacing.ms} apart from {@code ingest.base.time.ms} on, one
 * session after the other in file order; malformed records take no time. Limits: a failed write stops the import
 * with a {@link KafkaException} after the events already sent (re-running is safe, see above); dead letters carry
 * the wall-clock time of the import, so they differ between runs.
 */
public final class TrajectoryImporter implements AutoCloseable {
    public static final String STAGE = "import";
    private static final Logger LOG = LoggerFactory.getLogger(TrajectoryImporter.class);

    private final IngestConfig config;
    private final StepEventPublisher steps;
    private final DeadLetterPublisher deadLetters;
    private final Clock clock;
    private final AgentEventMapper mapper;

    /** Over publishers the caller made; the importer closes them. */
    public TrajectoryImporter(IngestConfig config, StepEventPublisher steps, DeadLetterPublisher deadLetters, Clock clock) {
        this.config = config;
        this.steps = steps;
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.mapper = new AgentEventMapper(config.eventSpacing());
    }

    /** An importer with its own producers, built from {@code config}. */
    public static TrajectoryImporter create(IngestConfig config) {
        StepEventPublisher steps = new StepEventPublisher(config);
        try {
            return new TrajectoryImporter(config, steps, new DeadLetterPublisher(config), Clock.systemUTC());
        } catch (RuntimeException e) {
            steps.close();
            throw e;
        }
    }

    /**
     * Imports {@code file} and waits until every event and dead letter is written.
     *
     * @throws IOException   when the file cannot be read, or is not JSON of an accepted form as a whole
     * @throws KafkaException when an event or dead letter could not be written
     */
    public ImportSummary importFile(Path file) throws IOException {
        Instant started = clock.instant();
        TrajectoryReader reader = new TrajectoryReader(file, config.sessionDefaults(file));
        Run run = new Run(file.getFileName().toString());
        try (ImportProgress progress = ImportProgress.start(run.fileName, Files.size(file))) {
            reader.read(record -> {
                run.accept(record);
                progress.update(reader.bytesRead(), run.sessions, run.problems.size());
            });
        }
        steps.flush();
        deadLetters.flush();
        run.throwIfFailed();
        ImportSummary summary = new ImportSummary(file.toString(), run.sessions, run.events, run.problems,
                Duration.between(started, clock.instant()));
        LOG.info("imported {}: {} sessions, {} events, {} records to the dead-letter topic, in {} ms", file,
                summary.sessions(), summary.events(), summary.problems().size(), summary.elapsed().toMillis());
        return summary;
    }

    @Override
    public void close() {
        try (deadLetters) {
            steps.close();
        }
    }

    /** The state of one import. */
    private final class Run {
        private final String fileName;
        private final List<Problem> problems = new ArrayList<>();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private Instant next = config.baseTime();
        private int sessions;
        private long events;

        Run(String fileName) {
            this.fileName = fileName;
        }

        void accept(TrajectoryRecord record) {
            throwIfFailed();
            if (record instanceof RecordedSession session) {
                List<AgentEvent> sessionEvents = mapper.map(session, next);
                sessionEvents.forEach(event -> steps.publish(event).whenComplete((written, error) -> noteFailure(error)));
                next = mapper.after(next, sessionEvents.size());
                sessions++;
                events += sessionEvents.size();
            } else if (record instanceof TrajectoryProblem problem) {
                DeadLetter letter = DeadLetters.of(STAGE, problem.reason(), fileName + "#" + problem.index(), null, null,
                        null, problem.rawJson().getBytes(StandardCharsets.UTF_8), null, clock.instant());
                deadLetters.publish(letter).whenComplete((written, error) -> noteFailure(error));
                problems.add(new Problem(problem.index(), problem.reason()));
                LOG.warn("{}: record {} not imported, sent to the dead-letter topic: {}", fileName, problem.index(), problem.reason());
            }
        }

        private void noteFailure(Throwable error) {
            if (error != null) {
                failure.compareAndSet(null, error);
            }
        }

        void throwIfFailed() {
            Throwable error = failure.get();
            if (error != null) {
                throw new KafkaException("import of " + fileName + " stopped after " + sessions
                        + " sessions: a record could not be written to Kafka: " + error.getMessage(), error);
            }
        }
    }
}
