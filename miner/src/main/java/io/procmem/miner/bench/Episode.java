package io.procmem.miner.bench;

import io.procmem.avro.SideEffect;
import io.procmem.miner.review.ToolEffects;
import java.util.List;

/**
 * One recorded successful agent episode, reduced to what the bench re-samples: the request and the tool calls in
 * order, each with its arguments and result as JSON text.
 */
record Episode(String source, String requestText, List<Call> calls) {

    /** One tool call; {@code resultJson} is a JSON string when the tool answered plain text. */
    record Call(String tool, String argumentsJson, String resultJson, boolean failed) {
    }

    Episode {
        calls = List.copyOf(calls);
    }

    /**
     * Whether {@code length} consecutive successful READ calls occur in it: only such a stretch can compile under
     * the default write policy, which rejects every routine with a WRITE step.
     */
    boolean hasReadOnlyStretch(int length, ToolEffects effects) {
        int stretch = 0;
        for (Call call : calls) {
            stretch = !call.failed() && effects.of(call.tool()) == SideEffect.READ ? stretch + 1 : 0;
            if (stretch >= length) {
                return true;
            }
        }
        return false;
    }

    /** The same episode with every tool renamed by appending {@code suffix}: a routine the miner has not seen. */
    Episode withToolSuffix(String suffix) {
        return new Episode(source, requestText, calls.stream()
                .map(call -> new Call(call.tool() + suffix, call.argumentsJson(), call.resultJson(), call.failed()))
                .toList());
    }
}
