package io.procmem.miner.topology;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * A key-value store that keeps the values written since the last commit as objects and writes them to the store it
 * wraps (metered, change-logged RocksDB) only when Streams flushes caches before committing. A value rewritten many
 * times between two commits (a session's buffer on each of its events, a hot candidate's figures on each session) is
 * then serialized and logged once per commit instead of once per write: that serialization was the largest single
 * cost in the miner's profile, because Streams' own record cache stores values as bytes and so serializes on every put.
 *
 * <p>Exactly-once holds because the written-back values reach the changelog inside the commit's transaction: Streams
 * calls {@link #flushCache} for every store implementing its cache interface before it flushes the producer and
 * commits. A task closed dirty (an aborted transaction) drops what was pending, as it drops its RocksDB state, and
 * {@link #init} starts empty. This extends Streams' {@code WrappedStateStore}, the base of its own store layers: an
 * internal class, so a Kafka upgrade must keep {@code WriteBackStoreTest} and the fault IT green.
 *
 * <p>Reads see every write: {@link #get} looks in the pending values first, and {@link #all} and {@link #range} merge
 * them into the wrapped store's iteration in its order (the keys' UTF-8 bytes), so interactive queries from other
 * threads see them too (the pending map is concurrent; values are immutable).
 *
 * @param <V> immutable values: the pending map hands out the instances it was given
 */
public final class WriteBackStore<V> extends WrappedStateStore<KeyValueStore<String, V>, String, V>
        implements KeyValueStore<String, V> {
    /** The order of the wrapped store's iterators: String keys by their serialized (UTF-8) bytes. */
    static final Comparator<String> KEY_ORDER = (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
            b.getBytes(StandardCharsets.UTF_8));

    private final Map<String, V> pending = new ConcurrentHashMap<>();

    WriteBackStore(KeyValueStore<String, V> inner) {
        super(inner);
    }

    /** A builder of this store around {@code inner}'s store; change-logged as {@code inner} says, never cached. */
    public static <V> StoreBuilder<WriteBackStore<V>> builder(StoreBuilder<KeyValueStore<String, V>> inner) {
        return new Builder<>(inner.withCachingDisabled());
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        pending.clear();
        super.init(context, root);
    }

    @Override
    public void put(String key, V value) {
        if (value == null) {
            delete(key);
        } else {
            pending.put(key, value);
        }
    }

    @Override
    public V putIfAbsent(String key, V value) {
        V old = get(key);
        if (old == null) {
            put(key, value);
        }
        return old;
    }

    @Override
    public void putAll(List<KeyValue<String, V>> entries) {
        entries.forEach(entry -> put(entry.key, entry.value));
    }

    @Override
    public V delete(String key) {
        V was = pending.remove(key);
        V stored = wrapped().delete(key);
        return was != null ? was : stored;
    }

    @Override
    public V get(String key) {
        V value = pending.get(key);
        return value != null ? value : wrapped().get(key);
    }

    /**
     * Bounds are inclusive, as the wrapped store's; a null bound is open. Only the pending values within the bounds are
     * sorted, so a narrow range (one candidate's sample slots) costs one pass over the pending keys, not a sort of all.
     */
    @Override
    public KeyValueIterator<String, V> range(String from, String to) {
        byte[] low = from == null ? null : from.getBytes(StandardCharsets.UTF_8);
        byte[] high = to == null ? null : to.getBytes(StandardCharsets.UTF_8);
        NavigableMap<String, V> sorted = new TreeMap<>(KEY_ORDER);
        if (low == null || high == null || Arrays.compareUnsigned(low, high) <= 0) {
            // Every key between two bounds starts with their common prefix (a prefix of characters is one of UTF-8
            // bytes): checking it first spares encoding the pending keys of a narrow range, e.g. one candidate's slots.
            String prefix = from == null || to == null ? "" : commonPrefix(from, to);
            for (Map.Entry<String, V> entry : pending.entrySet()) {
                if (!entry.getKey().startsWith(prefix)) {
                    continue;
                }
                byte[] key = entry.getKey().getBytes(StandardCharsets.UTF_8);
                if ((low == null || Arrays.compareUnsigned(key, low) >= 0)
                        && (high == null || Arrays.compareUnsigned(key, high) <= 0)) {
                    sorted.put(entry.getKey(), entry.getValue());
                }
            }
        }
        return new MergedIterator<>(wrapped().range(from, to), sorted);
    }

    @Override
    public KeyValueIterator<String, V> all() {
        return new MergedIterator<>(wrapped().all(), pendingSorted());
    }

    @Override
    public long approximateNumEntries() {
        return wrapped().approximateNumEntries() + pending.size();
    }

    /** The longest common prefix of two texts, never splitting a surrogate pair. */
    private static String commonPrefix(String a, String b) {
        int n = 0;
        int max = Math.min(a.length(), b.length());
        while (n < max && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        if (n > 0 && Character.isHighSurrogate(a.charAt(n - 1))) {
            n--;
        }
        return a.substring(0, n);
    }

    private NavigableMap<String, V> pendingSorted() {
        NavigableMap<String, V> sorted = new TreeMap<>(KEY_ORDER);
        sorted.putAll(pending);
        return sorted;
    }

    /** Writes every pending value to the wrapped store, serializing it. */
    void writeBack() {
        if (pending.isEmpty()) {
            return;
        }
        for (Map.Entry<String, V> entry : pending.entrySet()) {
            wrapped().put(entry.getKey(), entry.getValue());
        }
        pending.clear();
    }

    /** Number of values written since the last write-back. */
    int pendingCount() {
        return pending.size();
    }

    @Override
    public void flushCache() {
        writeBack();
        super.flushCache();
    }

    @Override
    public void close() {
        pending.clear();
        super.close();
    }

    private static final class Builder<V> implements StoreBuilder<WriteBackStore<V>> {
        private StoreBuilder<KeyValueStore<String, V>> inner;

        Builder(StoreBuilder<KeyValueStore<String, V>> inner) {
            this.inner = inner;
        }

        @Override
        public StoreBuilder<WriteBackStore<V>> withCachingEnabled() {
            throw new UnsupportedOperationException("a write-back store replaces the record cache; it cannot have both");
        }

        @Override
        public StoreBuilder<WriteBackStore<V>> withCachingDisabled() {
            return this;
        }

        @Override
        public StoreBuilder<WriteBackStore<V>> withLoggingEnabled(Map<String, String> config) {
            inner = inner.withLoggingEnabled(config);
            return this;
        }

        @Override
        public StoreBuilder<WriteBackStore<V>> withLoggingDisabled() {
            inner = inner.withLoggingDisabled();
            return this;
        }

        @Override
        public WriteBackStore<V> build() {
            return new WriteBackStore<>(inner.build());
        }

        @Override
        public Map<String, String> logConfig() {
            return inner.logConfig();
        }

        @Override
        public boolean loggingEnabled() {
            return inner.loggingEnabled();
        }

        @Override
        public String name() {
            return inner.name();
        }
    }

    /**
     * The wrapped store's iterator with pending values merged in by key: a pending value replaces the stored one of
     * its key, and a pending key the store does not hold yet comes in its place in the order.
     */
    private static final class MergedIterator<V> implements KeyValueIterator<String, V> {
        private final KeyValueIterator<String, V> stored;
        private final java.util.Iterator<Map.Entry<String, V>> pendingEntries;
        private Map.Entry<String, V> nextPending;

        MergedIterator(KeyValueIterator<String, V> stored, NavigableMap<String, V> pending) {
            this.stored = stored;
            this.pendingEntries = pending.entrySet().iterator();
            this.nextPending = pendingEntries.hasNext() ? pendingEntries.next() : null;
        }

        @Override
        public boolean hasNext() {
            return nextPending != null || stored.hasNext();
        }

        @Override
        public String peekNextKey() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            if (nextPending == null) {
                return stored.peekNextKey();
            }
            if (!stored.hasNext()) {
                return nextPending.getKey();
            }
            String storedKey = stored.peekNextKey();
            return KEY_ORDER.compare(storedKey, nextPending.getKey()) < 0 ? storedKey : nextPending.getKey();
        }

        @Override
        public KeyValue<String, V> next() {
            String key = peekNextKey();
            if (nextPending != null && nextPending.getKey().equals(key)) {
                KeyValue<String, V> entry = KeyValue.pair(key, nextPending.getValue());
                nextPending = pendingEntries.hasNext() ? pendingEntries.next() : null;
                if (stored.hasNext() && stored.peekNextKey().equals(key)) {
                    stored.next();
                }
                return entry;
            }
            return stored.next();
        }

        @Override
        public void close() {
            stored.close();
        }
    }
}
