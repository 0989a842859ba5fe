package org.feedback360.scoring.engine;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The current submissions about one subject, one per rater key: a revision replaces the earlier
 * submission. Immutable; iteration is by rater key, the engine's canonical order.
 */
public final class SubmissionSet {

    private static final SubmissionSet EMPTY = new SubmissionSet(new TreeMap<>());

    private final TreeMap<String, RaterSubmission> byKey;

    private SubmissionSet(TreeMap<String, RaterSubmission> byKey) {
        this.byKey = byKey;
    }

    public static SubmissionSet empty() {
        return EMPTY;
    }

    /** Applies the submissions in the given (arrival) order: a later one with the same key wins. */
    public static SubmissionSet replay(Collection<RaterSubmission> inArrivalOrder) {
        TreeMap<String, RaterSubmission> map = new TreeMap<>();
        for (RaterSubmission s : inArrivalOrder) {
            map.put(s.raterKey(), s);
        }
        return new SubmissionSet(map);
    }

    /** This set with the submission added, or replacing the one with the same rater key. */
    public SubmissionSet with(RaterSubmission submission) {
        TreeMap<String, RaterSubmission> map = new TreeMap<>(byKey);
        map.put(submission.raterKey(), submission);
        return new SubmissionSet(map);
    }

    public SubmissionSet without(String raterKey) {
        TreeMap<String, RaterSubmission> map = new TreeMap<>(byKey);
        map.remove(raterKey);
        return new SubmissionSet(map);
    }

    /** Sorted by rater key. */
    public List<RaterSubmission> submissions() {
        return List.copyOf(byKey.values());
    }

    public Map<String, RaterSubmission> asMap() {
        return Collections.unmodifiableMap(byKey);
    }

    public int size() {
        return byKey.size();
    }
}
