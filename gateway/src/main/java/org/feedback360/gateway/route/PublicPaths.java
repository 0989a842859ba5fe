package org.feedback360.gateway.route;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The paths served without a token, from configuration: {@code /x} means exactly that path,
 * {@code /x/*} everything below it (not {@code /x} itself, list both if both are meant).
 */
public final class PublicPaths {

    private final Set<String> exact = new HashSet<>();
    private final List<String> prefixes = new ArrayList<>();

    public PublicPaths(List<String> paths) {
        for (String path : paths) {
            if (path.endsWith("/*")) {
                prefixes.add(path.substring(0, path.length() - 1));
            } else {
                exact.add(path);
            }
        }
    }

    public boolean matches(String path) {
        if (exact.contains(path)) {
            return true;
        }
        for (String prefix : prefixes) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
