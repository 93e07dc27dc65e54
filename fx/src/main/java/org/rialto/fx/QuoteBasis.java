package org.rialto.fx;

/** Which amount the bank fixed when it asked for the quote; the other was computed. */
public enum QuoteBasis {
  SOURCE_AMOUNT,
  TARGET_AMOUNT
}
