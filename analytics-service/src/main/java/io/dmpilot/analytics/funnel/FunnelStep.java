package io.dmpilot.analytics.funnel;

/**
 * The funnel of DESIGN §7, in order. SENT is also a terminal outcome: the funnel's sent step and the outcome
 * mix's SENT are the same rows.
 */
public enum FunnelStep {
    RECEIVED,
    MATCHED,
    VETTED,
    SENT,
    REPLIED,
    CONVERTED
}
