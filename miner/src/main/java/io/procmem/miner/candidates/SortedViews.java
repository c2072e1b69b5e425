package io.procmem.miner.candidates;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Read-only sorted sets and maps for this package's records, which copied their collections on every construction
 * to stay immutable: each occurrence counted rebuilt a candidate's agents and input figures. A view made here wraps a
 * tree that no one else holds, so a record handed one can keep it as it is; any other collection is copied (in
 * natural order, as before) and wrapped. They iterate in key order, so Jackson writes them as it wrote the trees.
 */
final class SortedViews {
    private static final Set<String> NO_STRINGS = new SetView(new TreeSet<>());
    private static final Map<String, ?> NO_ENTRIES = new MapView<>(new TreeMap<>());

    private SortedViews() {
    }

    /** {@code values} if it is a view made here, else a sorted copy of it. */
    static Set<String> sortedSet(Collection<String> values) {
        if (values instanceof SetView) {
            return (SetView) values;
        }
        return values.isEmpty() ? NO_STRINGS : new SetView(new TreeSet<>(values));
    }

    /** A sorted copy of {@code values} with {@code value} added. */
    static Set<String> with(Set<String> values, String value) {
        TreeSet<String> copy = values instanceof SetView view ? new TreeSet<>(view.view) : new TreeSet<>(values);
        copy.add(value);
        return new SetView(copy);
    }

    /** {@code values} if it is a view made here, else a sorted copy of it. */
    @SuppressWarnings("unchecked")
    static <V> Map<String, V> sortedMap(Map<String, V> values) {
        if (values instanceof MapView) {
            return values;
        }
        return values.isEmpty() ? (Map<String, V>) NO_ENTRIES : owning(new TreeMap<>(values));
    }

    /** A tree holding {@code values}, for the caller to change: copied in linear time from a view made here. */
    static <V> TreeMap<String, V> mutableCopy(Map<String, V> values) {
        return values instanceof MapView<V> view ? new TreeMap<>(view.view) : new TreeMap<>(values);
    }

    /** Whether {@code values} is a view made here. */
    static boolean isView(Map<?, ?> values) {
        return values instanceof MapView;
    }

    /** A view of {@code tree}, which the caller hands over: it must not keep or change it afterwards. */
    static <V> Map<String, V> owning(TreeMap<String, V> tree) {
        return new MapView<>(tree);
    }

    private static final class SetView extends AbstractSet<String> {
        private final SortedSet<String> view;

        SetView(TreeSet<String> owned) {
            this.view = Collections.unmodifiableSortedSet(owned);
        }

        @Override
        public Iterator<String> iterator() {
            return view.iterator();
        }

        @Override
        public int size() {
            return view.size();
        }

        @Override
        public boolean contains(Object o) {
            return view.contains(o);
        }
    }

    private static final class MapView<V> extends AbstractMap<String, V> {
        private final SortedMap<String, V> view;

        MapView(TreeMap<String, V> owned) {
            this.view = Collections.unmodifiableSortedMap(owned);
        }

        @Override
        public Set<Entry<String, V>> entrySet() {
            return view.entrySet();
        }

        @Override
        public int size() {
            return view.size();
        }

        @Override
        public V get(Object key) {
            return view.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return view.containsKey(key);
        }
    }
}
