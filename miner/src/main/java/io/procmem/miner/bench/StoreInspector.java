package io.procmem.miner.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * Measures a closed application's RocksDB state without knowing its store names: every store directory
 * ({@code <state.dir>/<application.id>/<task>/rocksdb/<store>}) is opened read-only and scanned, so the figures are
 * exact live keys and live key+value bytes (overwritten versions and tombstones awaiting compaction excluded, which
 * RocksDB's own estimates include), summed over tasks by store name.
 *
 * <p>Known limit: a full scan, fine for a bench's state; not meant for a production store of many gigabytes.
 */
final class StoreInspector {
    /** Live content of one store, over all its tasks. */
    record StoreSize(long keys, long bytes) {
        StoreSize plus(StoreSize other) {
            return new StoreSize(keys + other.keys, bytes + other.bytes);
        }
    }

    private StoreInspector() {
    }

    static Map<String, StoreSize> live(Path applicationStateDir) {
        Map<String, StoreSize> sizes = new TreeMap<>();
        if (!Files.isDirectory(applicationStateDir)) {
            return sizes;
        }
        try (Stream<Path> tasks = Files.list(applicationStateDir)) {
            for (Path rocksdb : tasks.map(task -> task.resolve("rocksdb")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> stores = Files.list(rocksdb)) {
                    for (Path store : stores.filter(Files::isDirectory).toList()) {
                        sizes.merge(store.getFileName().toString(), scan(store), StoreSize::plus);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the state under " + applicationStateDir, e);
        }
        return sizes;
    }

    private static StoreSize scan(Path store) {
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try (Options options = new Options(); DBOptions dbOptions = new DBOptions()) {
            List<ColumnFamilyDescriptor> families = RocksDB.listColumnFamilies(options, store.toString()).stream()
                    .map(ColumnFamilyDescriptor::new).toList();
            try (RocksDB db = RocksDB.openReadOnly(dbOptions, store.toString(), families, handles)) {
                StoreSize size = new StoreSize(0, 0);
                for (ColumnFamilyHandle family : handles) {
                    try (RocksIterator it = db.newIterator(family)) {
                        for (it.seekToFirst(); it.isValid(); it.next()) {
                            size = size.plus(new StoreSize(1, it.key().length + it.value().length));
                        }
                    }
                }
                return size;
            } finally {
                handles.forEach(ColumnFamilyHandle::close);
            }
        } catch (RocksDBException e) {
            throw new IllegalStateException("cannot read the RocksDB store at " + store + ": " + e.getMessage(), e);
        }
    }
}
