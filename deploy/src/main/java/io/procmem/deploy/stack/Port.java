package io.procmem.deploy.stack;

/**
 * A port a service binds, with the {@link StackConfig} key that sets it, so a conflict can name the option and the
 * environment variable that move it.
 */
public record Port(int number, String configKey) {
    public Port {
        if (number < 1 || number > 65535) {
            throw new IllegalArgumentException("port " + number + " (" + configKey + ") is not in 1..65535");
        }
    }

    /** The port that {@code key} sets in {@code config}. */
    public static Port of(StackConfig config, String key) {
        return new Port(config.port(key), key);
    }
}
