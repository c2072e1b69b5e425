package io.procmem.miner.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LeastRecentlyUsedTest {

    @Test
    void shouldEvictTheLeastRecentlyUsedEntryPastItsCapacity() {
        Map<String, Integer> map = LeastRecentlyUsed.map(2);
        map.put("a", 1);
        map.put("b", 2);
        map.get("a");
        map.computeIfAbsent("c", key -> 3);

        assertThat(map).containsOnlyKeys("a", "c");
        map.put("d", 4);
        assertThat(map).containsOnlyKeys("c", "d");
    }
}
