package org.feedback360.gateway.route;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a request path to its route by the longest matching prefix, on whole path segments,
 * so that adding a more specific route never needs the others to be reordered.
 */
public final class RouteTable {

    private record Entry(String prefix, Route route) {
    }

    private final List<Entry> entries;

    public RouteTable(List<Route> routes) {
        List<Entry> all = new ArrayList<>();
        for (Route route : routes) {
            for (String path : route.paths()) {
                all.add(new Entry(normalise(path), route));
            }
        }
        Map<String, List<Entry>> byPrefix = new HashMap<>();
        all.forEach(e -> byPrefix.computeIfAbsent(e.prefix(), p -> new ArrayList<>()).add(e));
        byPrefix.forEach((prefix, list) -> {
            if (list.size() > 1) {
                throw new IllegalArgumentException("Path prefix " + prefix + " is claimed by more than one route");
            }
        });
        all.sort(Comparator.comparingInt((Entry e) -> e.prefix().length()).reversed());
        this.entries = List.copyOf(all);
    }

    public Optional<Route> match(String path) {
        return Optional.ofNullable(find(path));
    }

    /** The route for this (normalised) path, or null; runs for every request, so it allocates nothing. */
    public Route find(String path) {
        for (Entry entry : entries) {
            String prefix = entry.prefix();
            if (path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/')) {
                return entry.route();
            }
        }
        return null;
    }

    public List<Route> routes() {
        return entries.stream().map(Entry::route).distinct().toList();
    }

    private static String normalise(String path) {
        String p = path.startsWith("/") ? path : "/" + path;
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
