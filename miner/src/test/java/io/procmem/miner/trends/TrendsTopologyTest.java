package io.procmem.miner.trends;

import static io.procmem.miner.Events.Call.ok;
import static io.procmem.miner.MinerDriver.ID;
import static io.procmem.miner.MinerDriver.SIGNATURE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmem.avro.PatternTrend;
import io.procmem.avro.SessionOutcome;
import io.procmem.miner.MinerDriver;
import io.procmem.miner.publish.ProcedureIds;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrendsTopologyTest {
    private static final Instant HOUR_0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant HOUR_1 = HOUR_0.plusSeconds(3600);
    private static final Instant HOUR_2 = HOUR_0.plusSeconds(7200);
    private static final String PING = ProcedureIds.of("ping() > pong()");

    @TempDir
    Path stateDir;
    private MinerDriver miner;

    @AfterEach
    void close() {
        if (miner != null) {
            miner.close();
        }
    }

    @Test
    void shouldRefuseARetentionShorterThanTheWindow() {
        assertThatThrownBy(() -> new MinerDriver(stateDir, Map.of("miner.trends.window.ms", "7200000",
                "miner.trends.retention.ms", "3600000"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("miner.trends.retention.ms").hasMessageContaining("miner.trends.window.ms");
    }

    @Test
    void shouldPublishEachWindowsFinalCountsOnceWhenStreamTimePassesItsEnd() {
        miner = new MinerDriver(stateDir, Map.of());
        miner.sendRoutine(HOUR_0.plusSeconds(600), SessionOutcome.SUCCESS);
        miner.sendRoutine(HOUR_0.plusSeconds(1200), SessionOutcome.FAILURE);
        miner.sendSession(HOUR_0.plusSeconds(1500), SessionOutcome.SUCCESS, ok("ping", "{}"), ok("pong", "{}"));
        miner.sendRoutine(HOUR_0.plusSeconds(1800), SessionOutcome.SUCCESS);
        assertThat(miner.trends.readValuesToList()).as("the first hour is still open").isEmpty();

        miner.sendRoutine(HOUR_1.plusSeconds(900), SessionOutcome.SUCCESS);
        List<PatternTrend> emitted = miner.trends.readValuesToList();

        assertThat(emitted).filteredOn(trend -> trend.getPatternId().equals(ID))
                .extracting(PatternTrend::getWindowStart, PatternTrend::getOccurrences)
                .containsExactly(Tuple.tuple(HOUR_0, 3L));
        PatternTrend third = emitted.stream().filter(t -> t.getPatternId().equals(ID)).findFirst().orElseThrow();
        assertThat(third.getWindowEnd()).isEqualTo(HOUR_1);
        assertThat(third.getSessions()).isEqualTo(3);
        assertThat(third.getSuccessfulSessions()).isEqualTo(2);
        assertThat(third.getSignature()).isEqualTo(SIGNATURE);
        assertThat(third.getName()).isEqualTo("get_user > get_order");
        assertThat(third.getFleet()).isEqualTo("acme");
        assertThat(emitted).filteredOn(trend -> trend.getPatternId().equals(PING)).singleElement()
                .satisfies(trend -> assertThat(trend.getOccurrences()).isEqualTo(1));
        assertThat(miner.trends.readValuesToList()).as("nothing twice").isEmpty();
    }

    @Test
    void shouldCorrectAPublishedWindowWhenALateSessionAddsToIt() {
        miner = new MinerDriver(stateDir, Map.of());
        miner.sendRoutine(HOUR_0.plusSeconds(600), SessionOutcome.SUCCESS);
        miner.sendRoutine(HOUR_1.plusSeconds(600), SessionOutcome.SUCCESS);
        assertThat(miner.trends.readValuesToList()).extracting(PatternTrend::getWindowStart, PatternTrend::getOccurrences)
                .containsExactly(Tuple.tuple(HOUR_0, 1L));

        miner.sendRoutine(HOUR_0.plusSeconds(3000), SessionOutcome.SUCCESS);

        assertThat(miner.trends.readValuesToList()).extracting(PatternTrend::getWindowStart, PatternTrend::getOccurrences)
                .containsExactly(Tuple.tuple(HOUR_0, 2L));
    }

    @Test
    void shouldUpdateOpenWindowsThatChangedOnTheWallClockInterval() {
        miner = new MinerDriver(stateDir, Map.of("miner.trends.update.interval.ms", "1000"));
        miner.sendRoutine(HOUR_0.plusSeconds(600), SessionOutcome.SUCCESS);
        miner.sendRoutine(HOUR_0.plusSeconds(700), SessionOutcome.SUCCESS);
        assertThat(miner.trends.readValuesToList()).isEmpty();

        miner.driver.advanceWallClockTime(Duration.ofSeconds(2));
        assertThat(miner.trends.readValuesToList()).extracting(PatternTrend::getWindowStart, PatternTrend::getOccurrences)
                .containsExactly(Tuple.tuple(HOUR_0, 2L));

        miner.driver.advanceWallClockTime(Duration.ofSeconds(2));
        assertThat(miner.trends.readValuesToList()).as("unchanged since the last update").isEmpty();

        miner.sendRoutine(HOUR_1.plusSeconds(10), SessionOutcome.SUCCESS);
        assertThat(miner.trends.readValuesToList()).as("the final counts when the hour closes")
                .extracting(PatternTrend::getWindowStart, PatternTrend::getOccurrences)
                .containsExactly(Tuple.tuple(HOUR_0, 2L));
    }

    @Test
    void shouldRankPatternsAndListHistoryFromTheWindowStore() {
        miner = new MinerDriver(stateDir, Map.of());
        miner.sendRoutine(HOUR_0.plusSeconds(600), SessionOutcome.SUCCESS);
        miner.sendRoutine(HOUR_0.plusSeconds(700), SessionOutcome.SUCCESS);
        miner.sendSession(HOUR_1.plusSeconds(100), SessionOutcome.SUCCESS, ok("ping", "{}"), ok("pong", "{}"));
        miner.sendRoutine(HOUR_1.plusSeconds(600), SessionOutcome.SUCCESS);
        TrendQueries queries = new TrendQueries(miner.driver.getWindowStore(TrendsTopology.STORE), 3_600_000L);

        assertThat(queries.top(HOUR_0, HOUR_2, 10)).extracting(PatternTotal::patternId, PatternTotal::occurrences,
                PatternTotal::windows).containsExactly(Tuple.tuple(ID, 3L, 2),
                Tuple.tuple(PING, 1L, 1));
        assertThat(queries.top(HOUR_1, HOUR_2, 10)).extracting(PatternTotal::occurrences).containsExactly(1L, 1L);
        assertThat(queries.top(HOUR_0, HOUR_2, 1)).extracting(PatternTotal::patternId).containsExactly(ID);
        assertThat(queries.top(HOUR_0, HOUR_1, 10)).as("the window starting at 'to' is out").singleElement()
                .satisfies(total -> assertThat(total.occurrences()).isEqualTo(2));
        assertThat(queries.history(ID, HOUR_0, HOUR_2)).containsExactly(
                new PatternWindow(HOUR_0.toString(), HOUR_1.toString(), 2, 2, 2),
                new PatternWindow(HOUR_1.toString(), HOUR_2.toString(), 1, 1, 1));
        assertThat(queries.history("p-unknown", HOUR_0, HOUR_2)).isEmpty();
    }

    @Test
    void shouldNotCountAnObservationOlderThanTheRetention() {
        miner = new MinerDriver(stateDir, Map.of("miner.trends.retention.ms", "7200000"));
        miner.sendRoutine(HOUR_0.plusSeconds(5 * 3600), SessionOutcome.SUCCESS);
        miner.sendRoutine(HOUR_1.plusSeconds(1800), SessionOutcome.SUCCESS);
        miner.driver.advanceWallClockTime(Duration.ofMinutes(2));

        assertThat(miner.trends.readValuesToList()).extracting(PatternTrend::getWindowStart)
                .containsExactly(HOUR_0.plusSeconds(5 * 3600));
    }
}
