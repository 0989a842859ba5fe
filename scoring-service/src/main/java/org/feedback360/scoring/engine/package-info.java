/**
 * The scoring engine: a pure function from an instrument, a policy and the set of
 * submissions about one subject to that subject's {@link org.feedback360.scoring.engine.SubjectReport}.
 *
 * <p>No Quarkus, database or Kafka here, so the streaming consumer and the rebuild call
 * the very same code and get bit-identical numbers. Rules: {@code shared/design/SCORING.md}.
 * Entry points: {@link org.feedback360.scoring.engine.ReportCalculator#calculate} and
 * {@link org.feedback360.scoring.engine.CronbachAlpha#perDimension}.
 */
package org.feedback360.scoring.engine;
