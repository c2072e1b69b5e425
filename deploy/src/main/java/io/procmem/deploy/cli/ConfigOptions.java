package io.procmem.deploy.cli;

import io.procmem.deploy.stack.StackConfig;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Turns every {@link StackConfig} key into a command-line option ({@code broker.port} becomes
 * {@code --broker-port}), with the key's documentation, environment variable and default in its help, so the help
 * text comes from the ConfigDef and cannot drift from it.
 */
final class ConfigOptions {
    private ConfigOptions() {
    }

    /** Adds the stack options to a command. */
    static void addTo(CommandSpec command) {
        for (ConfigKey key : StackConfig.CONFIG_DEF.configKeys().values()) {
            command.addOption(OptionSpec.builder(StackConfig.optionName(key.name))
                    .paramLabel("<" + key.type.name().toLowerCase(Locale.ROOT) + ">")
                    .type(String.class)
                    .description(key.documentation + " Env " + StackConfig.envName(key.name)
                            + ", default " + key.defaultValue + ".")
                    .build());
        }
    }

    /** The configuration from the options the user gave, then the environment, then the defaults. */
    static StackConfig resolve(CommandSpec command, Map<String, String> env) {
        Map<String, String> given = new HashMap<>();
        for (String key : StackConfig.CONFIG_DEF.names()) {
            OptionSpec option = command.findOption(StackConfig.optionName(key));
            String value = option == null ? null : option.getValue();
            if (value != null) {
                given.put(key, value);
            }
        }
        return StackConfig.resolve(given, env);
    }
}
