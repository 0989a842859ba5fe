package org.feedback360.scoring.engine;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

final class ReportMaps {
    private ReportMaps() {
    }

    /** Immutable, in group declaration order, so the JSON is stable. */
    static <V> Map<RaterGroup, V> byGroup(Map<RaterGroup, V> map) {
        return Collections.unmodifiableMap(map.isEmpty() ? new EnumMap<>(RaterGroup.class) : new EnumMap<>(map));
    }
}
