package io.procmem.deploy.stack;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The executor's settings file in the stack directory: its API token and its tool gateway. Created once, with a fresh
 * random token and the gateway pointing at the sample tool server, readable by the owner only; never overwritten, so
 * an operator can point the gateway at the agents' real tools. The token is kept out of command lines and logs: the
 * executor reads this file, the CLI reads the token from it.
 */
public final class ExecutorSettings {
    public static final String TOKEN = "executor.api.token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ExecutorSettings() {
    }

    /** Creates the file if it does not exist; returns its path. */
    public static Path ensure(StackConfig config) throws IOException {
        Path file = config.executorSettings();
        if (Files.exists(file)) {
            return file;
        }
        Files.createDirectories(file.getParent());
        Properties props = new Properties();
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        props.setProperty(TOKEN, HexFormat.of().formatHex(token));
        props.setProperty("executor.gateway.type", "mcp");
        props.setProperty("executor.gateway.url", "http://127.0.0.1:" + config.port(StackConfig.TOOLS_PORT) + "/mcp");
        Path tmp = Files.createTempFile(file.getParent(), "executor", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer out = Files.newBufferedWriter(tmp)) {
            props.store(out, "procmem executor settings: API token (keep secret) and tool gateway. Point"
                    + " executor.gateway.url at your agents' tools (MCP streamable HTTP, or type http with a URL"
                    + " template), or set executor.tools.<tool>.* per tool.");
        }
        Files.move(tmp, file);
        return file;
    }

    /** The API token in the settings file. */
    public static String token(StackConfig config) throws IOException {
        Properties props = new Properties();
        try (var in = Files.newBufferedReader(config.executorSettings())) {
            props.load(in);
        }
        String token = props.getProperty(TOKEN);
        if (token == null || token.isBlank()) {
            throw new StackException(TOKEN + " is not set in " + config.executorSettings());
        }
        return token;
    }

}
