package org.feedback360.scoring.engine;

/** Self–other agreement types after Atwater &amp; Yammarino. */
public enum AgreementCategory {
    OVER_ESTIMATOR,
    UNDER_ESTIMATOR,
    IN_AGREEMENT_GOOD,
    IN_AGREEMENT_POOR
}
