package io.procmem.deploy.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;

/**
 * Properties files in the stack directory that hold secrets: created once, readable by the owner only, never
 * overwritten (an operator may edit them), and written whole or not at all, so two processes of the stack starting
 * together agree on one secret.
 */
final class SecretFiles {
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretFiles() {
    }

    /** A fresh random secret of 32 bytes, hex-encoded. */
    static String newSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }

    /** Writes {@code props} to {@code file} unless it exists; either way the file then exists. */
    static void createIfMissing(Path file, Properties props, String comment) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            try (Writer out = Files.newBufferedWriter(tmp)) {
                props.store(out, comment);
            }
            Files.move(tmp, file);
        } catch (FileAlreadyExistsException e) {
            // Another process of the stack wrote it first: theirs stands.
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The value of {@code key} in the file; throws naming the file and key when it is missing or empty. */
    static String read(Path file, String key) throws IOException {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            props.load(in);
        }
        String value = props.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new StackException(key + " is not set in " + file);
        }
        return value.trim();
    }
}
