package io.procmem.eval.replay;

/**
 * How one call of a served procedure compared with what the agent actually did at that point of its session.
 *
 * @param step   index in the session of the agent's step the call was compared with (the session's length when
 *               the session had ended)
 * @param detail what differed, naming tools and argument keys but no values; null for a match
 */
public record ReplayedCall(int step, Kind kind, String tool, String detail) {

    /** The comparison's outcome; every kind but {@link #MATCH} makes the takeover false. */
    public enum Kind {
        MATCH(null),
        OTHER_TOOL("call differs from the agent's: other tool"),
        OTHER_ARGUMENTS("call differs from the agent's: other arguments"),
        SESSION_ENDED("agent stopped here: session ended"),
        REPLIED_TO_USER("agent stopped here: replied to the user");

        private final String reason;

        Kind(String reason) {
            this.reason = reason;
        }

        /** The reason a false takeover is counted under; null for a match. */
        public String reason() {
            return reason;
        }
    }

    public boolean matched() {
        return kind == Kind.MATCH;
    }
}
