package io.procmem.deploy.stack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The executor's settings file in the stack directory: its API token and its tool gateway. Created once, with a fresh
 * random token and the gateway pointing at the sample tool server, readable by the owner only; never overwritten, so
 * an operator can point the gateway at the agents' real tools. The token is kept out of command lines and logs: the
 * executor reads this file, the CLI reads the token from it.
 */
public final class ExecutorSettings {
    public static final String TOKEN = "executor.api.token";

    private ExecutorSettings() {
    }

    /** Creates the file if it does not exist; returns its path. */
    public static Path ensure(StackConfig config) throws IOException {
        Path file = config.executorSettings();
        Properties props = new Properties();
        props.setProperty(TOKEN, SecretFiles.newSecret());
        props.setProperty("executor.gateway.type", "mcp");
        props.setProperty("executor.gateway.url", "http://127.0.0.1:" + config.port(StackConfig.TOOLS_PORT) + "/mcp");
        SecretFiles.createIfMissing(file, props, "procmem executor settings: API token (keep secret) and tool gateway."
                + " Point executor.gateway.url at your agents' tools (MCP streamable HTTP, or type http with a URL"
                + " template), or set executor.tools.<tool>.* per tool.");
        return file;
    }

    /** The API token in the settings file. */
    public static String token(StackConfig config) throws IOException {
        return SecretFiles.read(config.executorSettings(), TOKEN);
    }
}
