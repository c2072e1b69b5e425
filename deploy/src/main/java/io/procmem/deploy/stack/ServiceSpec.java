package io.procmem.deploy.stack;

import java.util.List;
import java.util.Objects;

/**
 * How to run one service of the stack as a child JVM on the stack's classpath: its main class and arguments, the
 * ports it binds (checked free before starting), how to tell it is ready, its maximum heap, and what to do once it is
 * ready (for the broker: create the topics), which runs on every {@code up}, so it must be idempotent.
 *
 * @param heap the {@code -Xmx} value, such as {@code 512m}
 */
public record ServiceSpec(String name, String mainClass, List<String> args, List<Port> ports, Readiness readiness,
                          String heap, AfterReady afterReady) {

    /** Work that needs the service up, such as creating topics. */
    @FunctionalInterface
    public interface AfterReady {
        AfterReady NOTHING = () -> { };

        void run() throws Exception;
    }

    public ServiceSpec {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z][a-z0-9-]*")) {
            // The name becomes a file name and a -D marker on the command line.
            throw new IllegalArgumentException("service name '" + name + "' must be lowercase letters, digits, '-'");
        }
        Objects.requireNonNull(mainClass, "mainClass of " + name);
        args = List.copyOf(args);
        ports = List.copyOf(ports);
        Objects.requireNonNull(readiness, "readiness of " + name);
        Objects.requireNonNull(heap, "heap of " + name);
        Objects.requireNonNull(afterReady, "afterReady of " + name);
    }

    public ServiceSpec(String name, String mainClass, List<String> args, List<Port> ports, Readiness readiness,
                       String heap) {
        this(name, mainClass, args, ports, readiness, heap, AfterReady.NOTHING);
    }
}
