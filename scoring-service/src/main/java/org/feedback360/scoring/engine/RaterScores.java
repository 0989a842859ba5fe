package org.feedback360.scoring.engine;

import java.util.OptionalDouble;

/** One rater's scores: a scored item answer, and the rater's dimension score. */
public final class RaterScores {
    private RaterScores() {
    }

    /** The rater's answer as scored (reversed where flagged), or null for N/A. */
    public static Integer item(InstrumentModel instrument, Item item, RaterSubmission submission) {
        Integer answer = submission.answer(item.id());
        return answer == null ? null : instrument.scored(item, answer);
    }

    /**
     * The mean of the rater's answered items of the dimension, defined only if the rater answered
     * at least ceil(m/2) of its m items; otherwise the rater is left out of that dimension.
     */
    public static OptionalDouble dimension(InstrumentModel instrument, Dimension dimension, RaterSubmission submission) {
        int answered = 0;
        long sum = 0; // integer sum: exact, whatever the order
        for (Item item : dimension.items()) {
            Integer scored = item(instrument, item, submission);
            if (scored != null) {
                answered++;
                sum += scored;
            }
        }
        if (answered == 0 || answered < dimension.minimumAnswered()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((double) sum / answered);
    }
}
