package io.procmem.executor.config;

import io.procmem.executor.gateway.GatewaySettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.config.ConfigException;

/**
 * Reads the per-tool gateway keys {@code executor.tools.<tool>.gateway|url|timeout.ms}, which {@link ExecutorConfig}
 * cannot declare since tool names are the user's. A key with another suffix, a tool without a gateway kind or URL,
 * or a timeout that is not a positive number stops start-up naming the key.
 */
final class ToolGatewayKeys {
    private static final String GATEWAY = ".gateway";
    private static final String URL = ".url";
    private static final String TIMEOUT = ".timeout.ms";

    private ToolGatewayKeys() {
    }

    /** @param keys the keys after {@code executor.tools.}, e.g. {@code get_user_details.url} */
    static Map<String, GatewaySettings> parse(Map<String, Object> keys, Duration defaultTimeout) {
        Map<String, Map<String, String>> byTool = new TreeMap<>();
        keys.forEach((key, value) -> {
            String suffix = key.endsWith(TIMEOUT) ? TIMEOUT : key.endsWith(GATEWAY) ? GATEWAY : key.endsWith(URL) ? URL : null;
            if (suffix == null || key.length() == suffix.length()) {
                throw new ConfigException(ExecutorConfig.TOOLS_PREFIX + key, value, "per-tool keys are "
                        + ExecutorConfig.TOOLS_PREFIX + "<tool>.gateway, .url and .timeout.ms");
            }
            byTool.computeIfAbsent(key.substring(0, key.length() - suffix.length()), t -> new HashMap<>())
                    .put(suffix, String.valueOf(value));
        });
        Map<String, GatewaySettings> settings = new HashMap<>();
        byTool.forEach((tool, values) -> {
            String prefix = ExecutorConfig.TOOLS_PREFIX + tool;
            Duration timeout = values.containsKey(TIMEOUT) ? timeout(prefix + TIMEOUT, values.get(TIMEOUT)) : defaultTimeout;
            settings.put(tool, settings(prefix + GATEWAY, values.get(GATEWAY), values.get(URL), timeout));
        });
        return Map.copyOf(settings);
    }

    /** Settings for a gateway kind and URL; {@code key} names the setting in errors. */
    static GatewaySettings settings(String key, String kind, String url, Duration timeout) {
        GatewaySettings.Kind parsed;
        try {
            parsed = GatewaySettings.Kind.parse(kind == null ? "" : kind);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, kind, "must be http or mcp");
        }
        if (url == null || url.isBlank()) {
            throw new ConfigException(key.replaceAll("\\.(gateway|type)$", ".url"), url,
                    "a " + parsed.name().toLowerCase(Locale.ROOT) + " gateway needs a URL");
        }
        return new GatewaySettings(parsed, url.trim(), timeout);
    }

    private static Duration timeout(String key, String value) {
        try {
            long millis = Long.parseLong(value.trim());
            if (millis >= 1) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException e) {
            // reported below with the key
        }
        throw new ConfigException(key, value, "must be a whole number of milliseconds, at least 1");
    }
}
