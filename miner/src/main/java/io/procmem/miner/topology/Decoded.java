package io.procmem.miner.topology;

import io.procmem.avro.AgentEvent;
import io.procmem.avro.DeadLetter;

/**
 * What {@code decode-events} makes of one record: a valid event, or the dead letter explaining why it is not.
 * Exactly one component is set. Lives only inside the first sub-topology; it is never serialized.
 */
record Decoded(AgentEvent event, DeadLetter deadLetter) {
    static Decoded event(AgentEvent event) {
        return new Decoded(event, null);
    }

    static Decoded dead(DeadLetter letter) {
        return new Decoded(null, letter);
    }

    boolean isDead() {
        return deadLetter != null;
    }
}
