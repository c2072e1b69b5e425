package io.procmem.registry.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmem.registry.store.CompatibilityLevel;
import io.procmem.registry.store.ConfigChange;
import io.procmem.registry.store.RegisteredSchema;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StoreRecordsTest {

    @Test
    void shouldRoundTripSchemaVersionsAndLevels() {
        RegisteredSchema entry = new RegisteredSchema("orders-value", 2, 7, "\"string\"", true);
        ConfigChange global = new ConfigChange(null, CompatibilityLevel.FULL);
        ConfigChange removed = new ConfigChange("orders-value", null);

        assertThat(StoreRecords.decode(StoreRecords.key(entry), StoreRecords.value(entry))).contains(entry);
        assertThat(StoreRecords.decode(StoreRecords.key(global), StoreRecords.value(global))).contains(global);
        assertThat(StoreRecords.value(removed)).isNull();
        assertThat(StoreRecords.decode(StoreRecords.key(removed), null)).contains(removed);
    }

    @Test
    void shouldKeyEachVersionAndEachLevelByWhatItDescribesSoCompactionKeepsTheLatest() {
        RegisteredSchema live = new RegisteredSchema("s", 1, 1, "\"int\"", false);

        assertThat(new String(StoreRecords.key(live), StandardCharsets.UTF_8))
                .isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1}");
        assertThat(StoreRecords.key(live)).isEqualTo(StoreRecords.key(new RegisteredSchema("s", 1, 1, "\"int\"", true)));
        assertThat(new String(StoreRecords.key(new ConfigChange(null, CompatibilityLevel.NONE)), StandardCharsets.UTF_8))
                .isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":null}");
    }

    @Test
    void shouldSkipRecordKindsItDoesNotWriteAndRefuseMalformedOnes() {
        byte[] noop = "{\"keytype\":\"NOOP\"}".getBytes(StandardCharsets.UTF_8);
        byte[] schemaKey = "{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1}".getBytes(StandardCharsets.UTF_8);

        assertThat(StoreRecords.decode(noop, null)).isEmpty();
        assertThatThrownBy(() -> StoreRecords.decode(schemaKey, "{\"subject\":\"s\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"version\" is missing");
        assertThatThrownBy(() -> StoreRecords.decode("not json".getBytes(StandardCharsets.UTF_8), null))
                .hasMessageContaining("key is not JSON");
    }
}
