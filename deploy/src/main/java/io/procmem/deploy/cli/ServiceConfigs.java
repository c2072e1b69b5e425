package io.procmem.deploy.cli;

import io.procmem.deploy.stack.RegistryCredentials;
import io.procmem.deploy.stack.StackConfig;
import io.procmem.deploy.stack.TopicSpecs;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The configuration each service gets from the stack: where Kafka and the registry are, its port and state
 * directory, then whatever the user's {@code --config} file says (its keys are those of the service's own config
 * class: {@code MinerConfig}, {@code ExecutorConfig}, {@code IngestConfig}, {@code RegistryConfig}), which wins.
 */
final class ServiceConfigs {
    private ServiceConfigs() {
    }

    static Map<String, Object> registry(StackConfig stack, Path file) throws IOException {
        Map<String, Object> props = new HashMap<>();
        props.put("host", "127.0.0.1");
        props.put("port", stack.port(StackConfig.REGISTRY_PORT));
        props.put("bootstrap.servers", stack.bootstrapServers());
        props.put("kafkastore.topic", TopicSpecs.SCHEMAS);
        props.put(RegistryCredentials.USER_INFO, RegistryCredentials.userInfo(stack));
        return withFile(props, file);
    }

    static Map<String, Object> miner(StackConfig stack, Path file) throws IOException {
        Map<String, Object> props = clients(stack);
        props.put("state.dir", stack.stackDir().resolve("miner").toString());
        props.put("miner.http.host", "127.0.0.1");
        props.put("miner.http.port", stack.port(StackConfig.MINER_PORT));
        return withFile(props, file);
    }

    static Map<String, Object> executor(StackConfig stack, Path file) throws IOException {
        Map<String, Object> props = clients(stack);
        props.put("host", "127.0.0.1");
        props.put("port", stack.port(StackConfig.EXECUTOR_PORT));
        return withFile(props, file);
    }

    static Map<String, Object> clients(StackConfig stack) {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", stack.bootstrapServers());
        props.put("schema.registry.url", stack.registryClientUrl());
        return props;
    }

    /** Adds the keys of a properties file (may be null) over {@code props}. */
    static Map<String, Object> withFile(Map<String, Object> props, Path file) throws IOException {
        if (file != null) {
            Properties fromFile = new Properties();
            try (Reader in = Files.newBufferedReader(file)) {
                fromFile.load(in);
            }
            fromFile.stringPropertyNames().forEach(key -> props.put(key, fromFile.getProperty(key)));
        }
        return props;
    }
}
