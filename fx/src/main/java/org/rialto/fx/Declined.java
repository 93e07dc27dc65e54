package org.rialto.fx;

/** An FX provider on the corridor that gave no quote, and why (for the bank and the operator). */
public record Declined(String fxpBic, DeclineReason reason, String detail) {}
