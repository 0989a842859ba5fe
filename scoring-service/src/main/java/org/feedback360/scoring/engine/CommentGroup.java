package org.feedback360.scoring.engine;

import java.util.List;

/** The comments of one published source on one open question, in hash order (never arrival order). */
public record CommentGroup(CommentSource source, String question, List<String> texts) {
    public CommentGroup {
        texts = List.copyOf(texts);
    }
}
