package io.procmem.deploy.docs;

import io.procmem.deploy.stack.StackConfig;
import io.procmem.executor.config.ExecutorConfig;
import io.procmem.ingest.config.IngestConfig;
import io.procmem.miner.config.MinerConfig;
import io.procmem.registry.RegistryConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;

/**
 * Renders every module's configuration definition as the Markdown page {@code docs/configuration.md}, so the
 * documented keys, defaults and validators are the ones the code declares. A test fails when the page is stale.
 */
public final class ConfigurationDoc {
    private ConfigurationDoc() {
    }

    /** The definitions, in the order a reader meets them, with where their keys are given. */
    public static Map<String, ConfigDef> definitions() {
        Map<String, ConfigDef> defs = new LinkedHashMap<>();
        defs.put("Stack (`procmem` options `--<key-with-dashes>`, or env `PROCMEM_<KEY>`)", StackConfig.CONFIG_DEF);
        defs.put("Ingest (`procmem import --config FILE`; `IngestConfig`)", IngestConfig.CONFIG_DEF);
        defs.put("Miner (`procmem miner --config FILE`; `MinerConfig`)", MinerConfig.DEFINITION);
        defs.put("Executor (`procmem executor --config FILE`; `ExecutorConfig`)", ExecutorConfig.DEFINITION);
        defs.put("Registry (`procmem registry --config FILE`; `RegistryConfig`)", RegistryConfig.CONFIG);
        return defs;
    }

    public static String render() {
        StringBuilder out = new StringBuilder();
        out.append("# Configuration\n\n")
                .append("Generated from the code's `ConfigDef`s by `ConfigurationDocTest`; do not edit by hand\n")
                .append("(run `mvn -pl deploy test -Dtest=ConfigurationDocTest -Dprocmem.docs.write=true` to refresh).\n")
                .append("Keys a module does not declare pass through to its Kafka clients (or Kafka Streams).\n");
        definitions().forEach((title, def) -> {
            out.append("\n## ").append(title).append("\n\n| key | type | default | valid values | description |\n")
                    .append("|---|---|---|---|---|\n");
            for (ConfigKey key : def.configKeys().values()) {
                out.append("| `").append(key.name).append("` | ").append(key.type.name().toLowerCase())
                        .append(" | ").append(cell(defaultOf(key))).append(" | ")
                        .append(cell(validValues(key))).append(" | ")
                        .append(cell(key.documentation)).append(" |\n");
            }
        });
        return out.toString();
    }

    private static String defaultOf(ConfigKey key) {
        if (!key.hasDefault()) {
            return "(required)";
        }
        return key.defaultValue == null ? "null" : "`" + ConfigDef.convertToString(key.defaultValue, key.type) + "`";
    }

    /** The validator's description; a validator without one would print an object id that changes every run. */
    private static String validValues(ConfigKey key) {
        String text = key.validator == null ? "" : key.validator.toString();
        return text.contains("$$Lambda") || text.matches(".*@[0-9a-f]+$") ? "(see description)" : text;
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
