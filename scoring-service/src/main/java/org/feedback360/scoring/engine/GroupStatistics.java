package org.feedback360.scoring.engine;

import java.util.List;

/** Mean, n and sample standard deviation of a group's values; every value weighs the same. */
public final class GroupStatistics {
    private GroupStatistics() {
    }

    /**
     * @param values in a canonical order (by rater key): floating-point sums depend on order,
     *               and streaming must equal the rebuild
     * @return the statistics, or null when there are no values
     */
    public static Score of(List<Double> values) {
        int n = values.size();
        if (n == 0) {
            return null;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / n;
        Double sd = null;
        if (n >= 2) {
            double squares = 0; // two-pass: no cancellation from Σx² − (Σx)²/n
            for (double v : values) {
                squares += (v - mean) * (v - mean);
            }
            sd = Math.sqrt(squares / (n - 1));
        }
        return new Score(mean, n, sd);
    }

    /** Mean and n of integer answers, without sd (item figures). Null when there are none. */
    public static Score ofAnswers(List<Integer> answers) {
        if (answers.isEmpty()) {
            return null;
        }
        long sum = 0;
        for (int a : answers) {
            sum += a;
        }
        return new Score((double) sum / answers.size(), answers.size(), null);
    }

    /** Sample variance of integer values, exact up to the final division (order-independent). */
    public static double sampleVariance(List<Integer> values) {
        long n = values.size();
        if (n < 2) {
            throw new IllegalArgumentException("sample variance needs at least two values");
        }
        long sum = 0;
        long squares = 0;
        for (int v : values) {
            sum += v;
            squares += (long) v * v;
        }
        return (double) (n * squares - sum * sum) / (double) (n * (n - 1));
    }
}
