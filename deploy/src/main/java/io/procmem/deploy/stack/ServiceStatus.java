package io.procmem.deploy.stack;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * One line of {@code procmem status}.
 *
 * @param pid    the service's process id if it is up
 * @param ports  the ports the service binds in the configuration in effect
 * @param uptime how long the process has run; zero when down or unknown
 */
public record ServiceStatus(String name, OptionalLong pid, List<Integer> ports, boolean up, Duration uptime) {
    public ServiceStatus {
        ports = List.copyOf(ports);
    }
}
