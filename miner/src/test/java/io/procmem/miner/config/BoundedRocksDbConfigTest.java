package io.procmem.miner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.FlushOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * The setter against real RocksDB options and databases. The shared objects live for the JVM, so every test here
 * uses the default sizes (an explicit size would only be honoured by whichever test ran first).
 */
class BoundedRocksDbConfigTest {
    private static final Map<String, Object> DEFAULTS = Map.of();

    @TempDir
    Path dir;

    @Test
    void shouldShareOneWriteBufferManagerAcrossStores() {
        try (Options first = streamsLikeOptions(); Options second = streamsLikeOptions()) {
            BoundedRocksDbConfig setter = new BoundedRocksDbConfig();
            setter.setConfig("store-a", first, DEFAULTS);
            setter.setConfig("store-b", second, DEFAULTS);

            assertThat(first.writeBufferManager()).isNotNull().isSameAs(second.writeBufferManager());
        }
    }

    @Test
    void shouldCountIndexAndFilterBlocksInTheCache() {
        try (Options options = streamsLikeOptions()) {
            new BoundedRocksDbConfig().setConfig("store", options, DEFAULTS);

            BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
            assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
            assertThat(table.pinTopLevelIndexAndFilter()).isTrue();
        }
    }

    @Test
    void shouldKeepTheSharedCacheServingOtherStoresWhenOneStoreCloses() throws RocksDBException {
        BoundedRocksDbConfig setter = new BoundedRocksDbConfig();
        try (Options closing = streamsLikeOptions(); Options staying = streamsLikeOptions()) {
            setter.setConfig("closing", closing, DEFAULTS);
            setter.setConfig("staying", staying, DEFAULTS);
            try (RocksDB db = RocksDB.open(closing, dir.resolve("closing").toString())) {
                writeAndFlush(db);
            }
            setter.close("closing", closing);

            try (RocksDB db = RocksDB.open(staying, dir.resolve("staying").toString())) {
                writeAndFlush(db);
                assertThat(new String(db.get(bytes("key-7")), StandardCharsets.UTF_8)).isEqualTo("value-7");
            }
            // The flushed tables' index and filter blocks were read into the shared cache, which is still alive.
            assertThat(BoundedRocksDbConfig.shared(BoundedRocksDbConfig.DEFAULT_CACHE_BYTES,
                    BoundedRocksDbConfig.DEFAULT_WRITE_BUFFER_BYTES).cache().getUsage()).isPositive();
        }
    }

    @Test
    void shouldReadSizesGivenAsTextOrNumbers() {
        assertThat(BoundedRocksDbConfig.bytes(Map.of("k", "1048576"), "k", 5)).isEqualTo(1_048_576L);
        assertThat(BoundedRocksDbConfig.bytes(Map.of("k", 2048L), "k", 5)).isEqualTo(2048L);
        assertThat(BoundedRocksDbConfig.bytes(Map.of(), "k", 5)).isEqualTo(5L);
    }

    @Test
    void shouldRejectABadSizeNamingTheKey() {
        assertThatThrownBy(() -> BoundedRocksDbConfig.bytes(Map.of(BoundedRocksDbConfig.CACHE_BYTES, "lots"),
                BoundedRocksDbConfig.CACHE_BYTES, 5)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(BoundedRocksDbConfig.CACHE_BYTES);
        assertThatThrownBy(() -> BoundedRocksDbConfig.bytes(Map.of("k", 0), "k", 5)).isInstanceOf(ConfigException.class);
    }

    @Test
    void shouldRejectWriteBuffersLargerThanTheCache() {
        try (Options options = streamsLikeOptions()) {
            Map<String, Object> configs = Map.of(BoundedRocksDbConfig.CACHE_BYTES, 1024L,
                    BoundedRocksDbConfig.WRITE_BUFFER_BYTES, 4096L);

            assertThatThrownBy(() -> new BoundedRocksDbConfig().setConfig("store", options, configs))
                    .isInstanceOf(ConfigException.class).hasMessageContaining(BoundedRocksDbConfig.WRITE_BUFFER_BYTES);
        }
    }

    /** Options as Streams hands them to a setter: with a block-based table config already set. */
    private static Options streamsLikeOptions() {
        Options options = new Options().setCreateIfMissing(true);
        options.setTableFormatConfig(new BlockBasedTableConfig());
        return options;
    }

    private static void writeAndFlush(RocksDB db) throws RocksDBException {
        for (int i = 0; i < 100; i++) {
            db.put(bytes("key-" + i), bytes("value-" + i));
        }
        try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
            db.flush(flush);
        }
        db.get(bytes("key-1"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
