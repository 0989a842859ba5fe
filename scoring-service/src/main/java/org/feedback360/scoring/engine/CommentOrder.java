package org.feedback360.scoring.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * Comments are ordered by SHA-256 of subject and text: fixed for a report, unrelated to arrival
 * order or to any rater attribute, and different from subject to subject.
 */
public final class CommentOrder {
    private CommentOrder() {
    }

    public static List<String> order(String subjectId, List<String> texts) {
        return texts.stream()
                .sorted(Comparator.comparing((String text) -> key(subjectId, text)).thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    static String key(String subjectId, String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(subjectId.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
