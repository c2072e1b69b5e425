package io.procmem.miner.topology;

/**
 * Names of every node, store and internal topic of the miner topology, in one place. They end up in changelog and
 * repartition topic names and in logs: renaming one is a breaking change for a running application (its state is
 * left behind under the old name), so add new names rather than edit these.
 */
public final class Names {
    public static final String STEPS_SOURCE = "steps-source";
    public static final String DECODE_EVENTS = "decode-events";
    public static final String ROUTE_DECODED = "route-decoded-";
    public static final String DEAD_LETTER_BRANCH = "dead-letter";
    public static final String EVENT_BRANCH = "event";
    public static final String UNWRAP_DEAD_LETTERS = "unwrap-dead-letters";
    public static final String UNWRAP_EVENTS = "unwrap-events";
    public static final String PUBLISH_DEAD_LETTERS = "publish-dead-letters";
    public static final String ASSEMBLE_SESSIONS = "assemble-sessions";
    public static final String SESSION_BUFFERS = "session-buffers";
    public static final String FINISHED_SESSIONS = "finished-sessions";
    public static final String EXTRACT_CANDIDATES = "extract-candidates";
    /**
     * Repartition of observations by their first abstract step; the topic is
     * {@code <application.id>-candidates-by-first-step-repartition}. It replaced {@code candidates-by-signature}, whose
     * records (one per signature, no bindings) the new miner cannot read.
     */
    public static final String CANDIDATES_BY_FIRST_STEP = "candidates-by-first-step";
    public static final String COUNT_CANDIDATES = "count-candidates";
    public static final String CANDIDATE_STATS = "candidate-stats";
    /** Each candidate's sampled occurrences, one key per sample slot, apart from its figures (see CandidateStates). */
    public static final String CANDIDATE_SAMPLE_SLOTS = "candidate-sample-slots";
    /**
     * Each candidate's whole sample in one value, as written before {@link #CANDIDATE_SAMPLE_SLOTS}: kept registered so
     * an upgraded miner reads the samples it holds and moves each to slots on the candidate's next write.
     */
    public static final String CANDIDATE_SAMPLES = "candidate-samples";
    /** Figures of sequences and first steps, the denominators of binding consistency and determinism. */
    public static final String SEQUENCE_STATS = "sequence-stats";
    /** Candidates counted since their last review, reviewed on the next review tick (see CountCandidatesProcessor). */
    public static final String PENDING_REVIEWS = "pending-reviews";
    public static final String PUBLISH_PROCEDURES = "publish-procedures";

    private Names() {
    }
}
