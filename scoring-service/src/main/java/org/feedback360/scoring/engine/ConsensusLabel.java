package org.feedback360.scoring.engine;

/** LeBreton &amp; Senter (2008) labels for rwg: 0–.30, .31–.50, .51–.70, .71–.90, .91–1.00. */
public enum ConsensusLabel {
    LACK_OF_AGREEMENT,
    WEAK,
    MODERATE,
    STRONG,
    VERY_STRONG
}
