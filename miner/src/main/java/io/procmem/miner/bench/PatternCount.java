package io.procmem.miner.bench;

import io.procmem.schemas.shape.StepShapes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Counts the distinct step patterns in a set of episodes: contiguous sequences of abstract steps (tool and argument
 * names, from {@link StepShapes}) between the miner's configured shortest and longest length, not spanning a failed
 * call. It is the denominator of "state bytes per pattern"; it describes the input, so it does not change when the
 * miner's counting does, and re-sampling the same episodes (fresh values, same shapes) adds no pattern.
 */
final class PatternCount {
    private PatternCount() {
    }

    static long distinct(List<Episode> episodes, int minLength, int maxLength) {
        Set<String> patterns = new HashSet<>();
        for (Episode episode : episodes) {
            for (List<String> run : okRuns(episode)) {
                for (int length = minLength; length <= Math.min(maxLength, run.size()); length++) {
                    for (int from = 0; from + length <= run.size(); from++) {
                        patterns.add(String.join(" > ", run.subList(from, from + length)));
                    }
                }
            }
        }
        return patterns.size();
    }

    private static List<List<String>> okRuns(Episode episode) {
        List<List<String>> runs = new ArrayList<>();
        List<String> run = new ArrayList<>();
        for (Episode.Call call : episode.calls()) {
            if (call.failed()) {
                runs.add(run);
                run = new ArrayList<>();
            } else {
                run.add(StepShapes.of(call.tool(), call.argumentsJson()));
            }
        }
        runs.add(run);
        return runs;
    }
}
