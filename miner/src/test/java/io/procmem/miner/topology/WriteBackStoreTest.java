package io.procmem.miner.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WriteBackStoreTest {
    private WriteBackStore<String> store;
    private KeyValueStore<String, String> inner;

    @BeforeEach
    void open() {
        store = WriteBackStore.builder(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("figures"),
                Serdes.String(), Serdes.String()).withLoggingDisabled()).build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        inner = store.wrapped();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void shouldKeepWritesPendingUntilCachesAreFlushed() {
        store.put("a", "1");
        store.put("a", "2");

        assertThat(store.get("a")).isEqualTo("2");
        assertThat(inner.get("a")).as("not written to the wrapped store yet").isNull();
        assertThat(store.pendingCount()).isEqualTo(1);

        store.flushCache();

        assertThat(inner.get("a")).isEqualTo("2");
        assertThat(store.pendingCount()).isZero();
        assertThat(store.get("a")).isEqualTo("2");
    }

    @Test
    void shouldMergePendingValuesIntoIterationsInKeyOrder() {
        store.put("b", "stored-b");
        store.put("d", "stored-d");
        store.flushCache();
        store.put("a", "new-a");
        store.put("d", "new-d");
        store.put("c", "new-c");
        store.put("e", "new-e");

        assertThat(drain(store.all())).containsExactly(KeyValue.pair("a", "new-a"), KeyValue.pair("b", "stored-b"),
                KeyValue.pair("c", "new-c"), KeyValue.pair("d", "new-d"), KeyValue.pair("e", "new-e"));
        assertThat(drain(store.range("b", "d"))).containsExactly(KeyValue.pair("b", "stored-b"),
                KeyValue.pair("c", "new-c"), KeyValue.pair("d", "new-d"));
        assertThat(drain(store.range(null, "b"))).extracting(kv -> kv.key).containsExactly("a", "b");
        assertThat(drain(store.range("d", null))).extracting(kv -> kv.key).containsExactly("d", "e");
        assertThat(drain(store.range("x", "a"))).isEmpty();
    }

    @Test
    void shouldFindPendingKeysOfANarrowRangeWhoseBoundsShareAPrefix() {
        store.put("sig\u0000" + "0001", "stored-1");
        store.flushCache();
        for (String key : List.of("sig\u0000" + "0000", "sig\u0000" + "0002", "sig", "sig \u00e9\u0000" + "0000", "sif",
                "sih\u0000" + "0000", "\uD83D\uDE00\u0000" + "0000", "\uD83D\uDE01\u0000" + "0000")) {
            store.put(key, "pending " + key);
        }

        assertThat(drain(store.range("sig\u0000", "sig\u0001"))).extracting(kv -> kv.key)
                .containsExactly("sig\u00000000", "sig\u00000001", "sig\u00000002");
        assertThat(drain(store.range("sig", "sih"))).extracting(kv -> kv.key).containsExactly("sig", "sig\u00000000",
                "sig\u00000001", "sig\u00000002", "sig \u00e9\u00000000");
        // Bounds whose first code points share a high surrogate: the prefix must not split the pair.
        assertThat(drain(store.range("\uD83D\uDE00", "\uD83D\uDE01\u0001"))).extracting(kv -> kv.key)
                .containsExactly("\uD83D\uDE00\u00000000", "\uD83D\uDE01\u00000000");
    }

    @Test
    void shouldOrderKeysByTheirUtf8BytesAsTheWrappedStoreDoes() {
        // As UTF-16 chars U+1F600 (a surrogate pair from 0xD83D) sorts before U+FF21; as UTF-8 bytes it sorts after.
        String fullWidth = "\uFF21";
        String emoji = "\uD83D\uDE00";
        store.put(emoji, "stored");
        store.flushCache();
        store.put(fullWidth, "pending");

        List<String> keys = drain(store.all()).stream().map(kv -> kv.key).toList();
        List<String> wrappedOrder = new ArrayList<>();
        inner.put(fullWidth, "pending");
        try (KeyValueIterator<String, String> all = inner.all()) {
            all.forEachRemaining(kv -> wrappedOrder.add(kv.key));
        }
        assertThat(keys).containsExactlyElementsOf(wrappedOrder);
    }

    @Test
    void shouldDeleteFromBothPendingAndStoredValues() {
        store.put("a", "stored");
        store.flushCache();
        store.put("a", "pending");
        store.put("b", "pending");

        assertThat(store.delete("a")).isEqualTo("pending");
        store.put("b", null);

        assertThat(store.get("a")).isNull();
        assertThat(store.get("b")).isNull();
        store.flushCache();
        assertThat(inner.get("a")).isNull();
        assertThat(drain(store.all())).isEmpty();
    }

    @Test
    void shouldDropPendingValuesWhenReopened() {
        store.put("a", "pending");
        store.close();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);

        assertThat(store.get("a")).isNull();
        assertThat(store.putIfAbsent("a", "again")).isNull();
        assertThat(store.putIfAbsent("a", "ignored")).isEqualTo("again");
    }

    private static List<KeyValue<String, String>> drain(KeyValueIterator<String, String> iterator) {
        List<KeyValue<String, String>> all = new ArrayList<>();
        try (iterator) {
            iterator.forEachRemaining(all::add);
        }
        return all;
    }
}
