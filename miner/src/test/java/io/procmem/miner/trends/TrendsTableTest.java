package io.procmem.miner.trends;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrendsTableTest {

    @Test
    void shouldRenderRankedRowsWithSuccessRateUnderAHeader() {
        String table = TrendsTable.render(List.of(
                new PatternTotal("p-aaaaaaaaaaaaaaaa", "get_user > get_order", "sig", 120, 40, 30, 3),
                new PatternTotal("p-bbbbbbbbbbbbbbbb", "ping > pong", "sig2", 7, 7, 0, 1)));

        List<String> lines = table.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("#", "occurrences", "sessions", "success", "pattern", "name");
        assertThat(lines.get(1)).matches("\\s+1\\s+120\\s+40\\s+75%\\s+p-aaaaaaaaaaaaaaaa\\s+get_user > get_order");
        assertThat(lines.get(2)).matches("\\s+2\\s+7\\s+7\\s+0%\\s+p-bbbbbbbbbbbbbbbb\\s+ping > pong");
    }

    @Test
    void shouldCutLongNamesAndSayWhenThereIsNothing() {
        String longName = "step > ".repeat(30) + "end";

        String table = TrendsTable.render(List.of(new PatternTotal("p-c", longName, "sig", 1, 1, 1, 1)));

        assertThat(table.lines().skip(1).findFirst().orElseThrow()).endsWith("…").doesNotContain("end");
        assertThat(TrendsTable.render(List.of())).isEqualTo("no patterns in this range\n");
    }
}
