package io.procmem.executor.binding;

/**
 * An argument (or a step's {@code foreach} list) whose value cannot be found at run time. It names what could not be
 * resolved and where it was looked for, never the values around it, so it can be shown and logged as it is.
 */
public final class UnresolvedBinding extends Exception {
    private final String argument;
    private final String path;

    /**
     * @param argument the argument's name, or null when the step's foreach list is at fault
     * @param path     the source that was read (input name, path, or {@code constant_json})
     */
    public UnresolvedBinding(String argument, String path, String message) {
        super(message);
        this.argument = argument;
        this.path = path;
    }

    /** The argument's name, or null for a foreach list. */
    public String argument() {
        return argument;
    }

    public String path() {
        return path;
    }
}
