package io.procmem.miner.topology;

import java.util.LinkedHashMap;
import java.util.Map;

/** Bounded maps for the processors' per-task caches. */
public final class LeastRecentlyUsed {
    private LeastRecentlyUsed() {
    }

    /** A map holding at most {@code capacity} entries, evicting the least recently used. One thread only. */
    public static <K, V> Map<K, V> map(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }
}
