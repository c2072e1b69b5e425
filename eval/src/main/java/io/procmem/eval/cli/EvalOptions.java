package io.procmem.eval.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What to evaluate, as {@code procmem eval} takes it. Three plans:
 * <ul>
 *   <li>{@link #prequential(Path)}: every episode of one file tested, then learned from, in file order;</li>
 *   <li>{@link #split(Path, Path)}: learn from the whole train file, then test on the test file without learning;</li>
 *   <li>{@link #splitByFraction(Path, double)}: the same within one file, the first fraction of its episodes
 *       (rounded down) for training, the rest for testing.</li>
 * </ul>
 *
 * @param trainFile     the file learned from first, or null (prequential, or the same file as {@code testFile})
 * @param testFile      the file tested
 * @param trainFraction the share of {@code testFile} learned from first, or null
 * @param outDir        where the JSON and HTML reports go, or null for none
 * @param properties    overrides: {@code miner.*} keys for the replayed miner, {@code eval.*} keys (see
 *                      {@link EvalConfig})
 */
public record EvalOptions(Path trainFile, Path testFile, Double trainFraction, Path outDir,
                          Map<String, String> properties) {

    public enum Mode { PREQUENTIAL, SPLIT }

    public EvalOptions {
        Objects.requireNonNull(testFile, "testFile");
        if (trainFile != null && trainFraction != null) {
            throw new IllegalArgumentException("give a train file or a train fraction, not both");
        }
        if (trainFraction != null && !(trainFraction > 0 && trainFraction < 1)) {
            throw new IllegalArgumentException("train fraction must be between 0 and 1 (exclusive), got " + trainFraction);
        }
        properties = new TreeMap<>(properties);
    }

    public static EvalOptions prequential(Path file) {
        return new EvalOptions(null, file, null, null, Map.of());
    }

    public static EvalOptions split(Path trainFile, Path testFile) {
        return new EvalOptions(Objects.requireNonNull(trainFile, "trainFile"), testFile, null, null, Map.of());
    }

    public static EvalOptions splitByFraction(Path file, double trainFraction) {
        return new EvalOptions(null, file, trainFraction, null, Map.of());
    }

    public EvalOptions withOutDir(Path dir) {
        return new EvalOptions(trainFile, testFile, trainFraction, dir, properties);
    }

    public EvalOptions withProperties(Map<String, String> overrides) {
        return new EvalOptions(trainFile, testFile, trainFraction, outDir, overrides);
    }

    public Mode mode() {
        return trainFile == null && trainFraction == null ? Mode.PREQUENTIAL : Mode.SPLIT;
    }
}
