package io.procmem.executor.shadow;

import com.fasterxml.jackson.databind.JsonNode;
import io.procmem.executor.matching.ObservedStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the shadow follower remembers of one session: its fleet and request parameters, its last
 * {@value #WINDOW} steps (enough for any match: matching reads only the suffix a procedure covers), the index the
 * next step should carry, and the prediction waiting for that step. Not thread-safe: one follower thread owns it.
 */
final class ShadowSession {
    static final int WINDOW = 64;

    final String fleet;
    final JsonNode requestParams;
    final List<ObservedStep> steps = new ArrayList<>();
    final List<String> abstractSteps = new ArrayList<>();
    int nextIndex;
    Prediction pending;
    Instant lastSeen;

    ShadowSession(String fleet, JsonNode requestParams, int nextIndex, Instant lastSeen) {
        this.fleet = fleet;
        this.requestParams = requestParams;
        this.nextIndex = nextIndex;
        this.lastSeen = lastSeen;
    }

    void append(ObservedStep step, int index) {
        if (index != nextIndex) {
            // A gap (steps this follower never saw): what came before no longer lines up with what follows.
            steps.clear();
            abstractSteps.clear();
        }
        steps.add(step);
        abstractSteps.add(step.abstractStep());
        if (steps.size() > WINDOW) {
            steps.remove(0);
            abstractSteps.remove(0);
        }
        nextIndex = index + 1;
    }
}
