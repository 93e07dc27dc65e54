package org.rialto.iso20022;

/** Clearing channel (ClearingChannel2Code). */
public enum ClearingChannel {
  RTGS,
  RTNS,
  MPNS,
  BOOK
}
