package io.procmem.eval.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.procmem.avro.SessionOutcome;
import java.util.List;

/** Hand-made episodes for tests. */
public final class Steps {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Steps() {
    }

    /** A successful call in user turn {@code turn}, with 40 chars of conversation before it. */
    public static EpisodeStep ok(int index, String tool, String arguments, String result, int turn) {
        try {
            return new EpisodeStep(index, tool, arguments, JSON.readTree(arguments), result, JSON.readTree(result), true,
                    null, turn, 40L * (index + 1), null);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static Episode episode(EpisodeStep... steps) {
        return new Episode(0, "test.json", "s-1", "agent", "default", "hi", null, SessionOutcome.SUCCESS, List.of(steps));
    }
}
