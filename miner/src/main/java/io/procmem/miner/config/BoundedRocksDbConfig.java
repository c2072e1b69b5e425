package io.procmem.miner.config;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the off-heap memory of all the miner's RocksDB stores together, as Kafka's memory-management guide
 * recommends: one LRU block cache and one write-buffer manager for the whole process, memtables charged to that
 * cache, index and filter blocks held in it (high priority, top level pinned) instead of outside any budget. Without
 * it every store of every task opens its own cache and memtables, and memory grows with the partition count.
 *
 * <p>Sizes come from {@link #CACHE_BYTES} and {@link #WRITE_BUFFER_BYTES} in the Streams configuration. Known limits:
 * the shared objects are created by the first store opened in the JVM and live until it exits, so the sizes of the
 * first configuration win (a later, different one is logged and ignored), and two miners in one JVM share the budget.
 * The budget is soft: the cache is not strict, so a burst of pinned blocks can exceed it rather than fail a read.
 */
public final class BoundedRocksDbConfig implements RocksDBConfigSetter {
    public static final String CACHE_BYTES = "miner.rocksdb.cache.bytes";
    public static final String WRITE_BUFFER_BYTES = "miner.rocksdb.write.buffer.bytes";
    public static final long DEFAULT_CACHE_BYTES = 256L * 1024 * 1024;
    /**
     * Half the cache for memtables. The miner has some ten stores per partition, each a RocksDB instance (window
     * stores one per segment): with 16 MiB shared, each memtable was flushed at a fraction of a megabyte and the
     * stream thread spent most of its commits in RocksDB puts, which 128 MiB made 2.7-3.1x faster in the bench.
     */
    public static final long DEFAULT_WRITE_BUFFER_BYTES = 128L * 1024 * 1024;
    /** Share of the cache reserved for index and filter blocks, so data blocks cannot evict them. */
    static final double INDEX_FILTER_RATIO = 0.1;

    private static final Logger LOG = LoggerFactory.getLogger(BoundedRocksDbConfig.class);
    private static Shared shared;

    /** The process-wide cache and write-buffer manager, with the sizes they were made with. */
    record Shared(long cacheBytes, long writeBufferBytes, Cache cache, WriteBufferManager writeBuffers) {
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        long cacheBytes = bytes(configs, CACHE_BYTES, DEFAULT_CACHE_BYTES);
        long writeBufferBytes = bytes(configs, WRITE_BUFFER_BYTES, DEFAULT_WRITE_BUFFER_BYTES);
        if (writeBufferBytes > cacheBytes) {
            // Write buffers are charged to the cache: a larger budget for them than for the whole is a mistake.
            throw new ConfigException(WRITE_BUFFER_BYTES, writeBufferBytes, "must not exceed " + CACHE_BYTES + " (" + cacheBytes + ")");
        }
        Shared resources = shared(cacheBytes, writeBufferBytes);
        // Streams hands each store a table config of its own; only what it points to is shared.
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(resources.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(resources.writeBuffers());
    }

    /**
     * Nothing to release: this setter creates no per-store native object (the table config and its filter belong to
     * Streams, which closes them), and the cache and write-buffer manager are shared by stores still open.
     */
    @Override
    public void close(String storeName, Options options) {
    }

    static synchronized Shared shared(long cacheBytes, long writeBufferBytes) {
        if (shared == null) {
            Cache cache = new LRUCache(cacheBytes, -1, false, INDEX_FILTER_RATIO);
            shared = new Shared(cacheBytes, writeBufferBytes, cache, new WriteBufferManager(writeBufferBytes, cache));
            LOG.info("RocksDB memory of this process bounded to a {} byte block cache, {} bytes of it for write buffers",
                    cacheBytes, writeBufferBytes);
        } else if (shared.cacheBytes() != cacheBytes || shared.writeBufferBytes() != writeBufferBytes) {
            LOG.warn("RocksDB memory already bounded to {}/{} bytes in this process; ignoring {}/{} ({}/{})",
                    shared.cacheBytes(), shared.writeBufferBytes(), cacheBytes, writeBufferBytes, CACHE_BYTES,
                    WRITE_BUFFER_BYTES);
        }
        return shared;
    }

    static long bytes(Map<String, Object> configs, String key, long defaultValue) {
        Object value = configs.get(key);
        if (value == null) {
            return defaultValue;
        }
        long bytes;
        try {
            bytes = value instanceof Number number ? number.longValue() : Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(key, value, "must be a number of bytes");
        }
        if (bytes < 1) {
            throw new ConfigException(key, value, "must be at least 1 byte");
        }
        return bytes;
    }
}
