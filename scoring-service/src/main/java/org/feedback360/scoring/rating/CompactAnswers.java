package org.feedback360.scoring.rating;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A rater's answers held compactly: the item ids as one array shared by every rating of the same
 * instrument, the answers as bytes (0 for N/A). A rebuild holds a million ratings in memory; as
 * hash maps of boxed numbers they would take gigabytes. Read-only, in the order the ids came.
 */
public final class CompactAnswers extends AbstractMap<String, Integer> {

    /** Shared id arrays, bounded: ids are an instrument's items, but nothing stops a bad producer. */
    private static final Map<KeySet, String[]> KEY_SETS = new ConcurrentHashMap<>();
    private static final int MAX_KEY_SETS = 10_000;

    private final String[] keys;
    private final byte[] values;

    private CompactAnswers(String[] keys, byte[] values) {
        this.keys = keys;
        this.values = values;
    }

    /**
     * @param values 1..127 per key, 0 for N/A
     * @return the compact map, or null when a value does not fit (the caller keeps a plain map)
     */
    public static CompactAnswers of(String[] keys, int[] values, int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            if (values[i] < 0 || values[i] > Byte.MAX_VALUE) {
                return null;
            }
            bytes[i] = (byte) values[i];
        }
        String[] exact = java.util.Arrays.copyOf(keys, size);
        KeySet key = new KeySet(exact);
        String[] shared = KEY_SETS.get(key);
        if (shared == null && KEY_SETS.size() < MAX_KEY_SETS) {
            shared = KEY_SETS.computeIfAbsent(key, k -> k.keys);
        }
        return new CompactAnswers(shared == null ? exact : shared, bytes);
    }

    private record KeySet(String[] keys) {
        @Override
        public boolean equals(Object o) {
            return o instanceof KeySet other && java.util.Arrays.equals(keys, other.keys);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(keys);
        }
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return index(key) >= 0;
    }

    @Override
    public Integer get(Object key) {
        int i = index(key);
        return i < 0 || values[i] == 0 ? null : (int) values[i];
    }

    private int index(Object key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Set<Entry<String, Integer>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Integer>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Entry<String, Integer> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(keys[i], values[i] == 0 ? null : (int) values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }
}
