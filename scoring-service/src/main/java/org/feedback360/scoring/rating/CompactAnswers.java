package org.feedback360.scoring.rating;

import org.feedback360.scoring.engine.ImmutableAnswers;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A rater's answers held compactly: the item ids, with an index of their positions, shared by every
 * rating of the same instrument; the answers as bytes (0 for N/A). A rebuild holds a million ratings
 * in memory; as hash maps of boxed numbers they would take gigabytes, and the engine, which looks
 * each answer up several times, would copy every one of them. Read-only, in the order the ids came.
 */
public final class CompactAnswers extends AbstractMap<String, Integer> implements ImmutableAnswers {

    /** The value {@link #of} takes for N/A. */
    public static final int NOT_APPLICABLE = Integer.MIN_VALUE;

    /** Shared ids, bounded: ids are an instrument's items, but nothing stops a bad producer. */
    private static final Map<KeySet, Ids> SHARED = new ConcurrentHashMap<>();
    private static final int MAX_SHARED = 10_000;

    private final Ids ids;
    private final byte[] values;

    private CompactAnswers(Ids ids, byte[] values) {
        this.ids = ids;
        this.values = values;
    }

    /**
     * @param values 1..127 per key, {@link #NOT_APPLICABLE} for N/A
     * @return the compact map, or null when a value does not fit or an id repeats (the caller keeps a plain map)
     */
    public static CompactAnswers of(String[] keys, int[] values, int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            if (values[i] == NOT_APPLICABLE) {
                continue; // 0
            }
            if (values[i] < 1 || values[i] > Byte.MAX_VALUE) {
                return null;
            }
            bytes[i] = (byte) values[i];
        }
        KeySet key = new KeySet(Arrays.copyOf(keys, size));
        Ids ids = SHARED.get(key);
        if (ids == null) {
            ids = Ids.of(key.keys);
            if (ids == null) {
                return null;
            }
            if (SHARED.size() < MAX_SHARED) {
                Ids earlier = SHARED.putIfAbsent(key, ids);
                ids = earlier == null ? ids : earlier;
            }
        }
        return new CompactAnswers(ids, bytes);
    }

    /** Item ids in order, and the position of each. */
    private record Ids(String[] keys, Map<String, Integer> positions) {

        /** @return null when an id repeats */
        static Ids of(String[] keys) {
            Map<String, Integer> positions = new HashMap<>(keys.length * 2);
            for (int i = 0; i < keys.length; i++) {
                if (positions.putIfAbsent(keys[i], i) != null) {
                    return null;
                }
            }
            return new Ids(keys, positions);
        }
    }

    private record KeySet(String[] keys) {
        @Override
        public boolean equals(Object o) {
            return o instanceof KeySet other && Arrays.equals(keys, other.keys);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(keys);
        }
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return ids.positions.containsKey(key);
    }

    @Override
    public Integer get(Object key) {
        Integer i = ids.positions.get(key);
        return i == null ? null : answer(i);
    }

    private Integer answer(int i) {
        return values[i] == 0 ? null : (int) values[i];
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
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, Integer> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(ids.keys[i], answer(i));
                    }
                };
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }
}
