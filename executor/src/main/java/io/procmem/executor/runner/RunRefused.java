package io.procmem.executor.runner;

/**
 * A run that is not started because the request cannot be served as asked: an input is missing, or the procedure
 * may not be served. Nothing was called and nothing is reported.
 */
public final class RunRefused extends RuntimeException {

    public enum Reason {
        MISSING_INPUT,
        NOT_SERVABLE
    }

    private final Reason reason;
    private final String subject;

    public RunRefused(Reason reason, String subject, String message) {
        super(message);
        this.reason = reason;
        this.subject = subject;
    }

    public Reason reason() {
        return reason;
    }

    /** The input name or procedure id at fault. */
    public String subject() {
        return subject;
    }
}
