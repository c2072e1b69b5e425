package io.procmem.deploy.cli;

import java.util.ArrayList;
import java.util.List;

/** Renders a failure and its causes as one line for the terminal, without repeating wrapped messages. */
final class Failures {
    private Failures() {
    }

    static String oneLine(Throwable failure) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (parts.stream().noneMatch(part -> part.contains(message))) {
                parts.add(message);
            }
        }
        return String.join(": ", parts).replaceAll("\\s*\\R\\s*", " ");
    }
}
