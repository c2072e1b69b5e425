package io.procmem.deploy.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pid files under {@code <stackDir>/run}: the record of which services this stack started. A pid counts only if
 * its process is alive and carries the service's marker ({@link ChildJvm#isService}); a pid file that fails that test
 * is stale (the service died or the machine rebooted) and is removed when read.
 */
public final class PidFiles {
    private static final Logger LOG = LoggerFactory.getLogger(PidFiles.class);
    private final Path dir;

    public PidFiles(Path dir) {
        this.dir = dir;
    }

    /** The running process of the service, if its pid file names one. */
    public Optional<ProcessHandle> running(String service) {
        Path file = file(service);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Optional<ProcessHandle> process = readPid(file).flatMap(ProcessHandle::of)
                .filter(handle -> ChildJvm.isService(handle, service));
        if (process.isEmpty()) {
            LOG.info("{}: removing stale pid file {}", service, file);
            delete(service);
        }
        return process;
    }

    public void write(String service, long pid) {
        try {
            Files.createDirectories(dir);
            Files.writeString(file(service), pid + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write pid file of " + service + " in " + dir, e);
        }
    }

    public void delete(String service) {
        try {
            Files.deleteIfExists(file(service));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete pid file of " + service + " in " + dir, e);
        }
    }

    private Path file(String service) {
        return dir.resolve(service + ".pid");
    }

    private static Optional<Long> readPid(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file).trim()));
        } catch (NumberFormatException | IOException e) {
            LOG.warn("unreadable pid file {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }
}
