package org.rialto.node;

/**
 * The participants (8-character BICs) the node tests play, named once: a test that names a bank
 * by its own copy of the code could drift from the node's YAML fixtures and the other tests'
 * expectations without any test noticing.
 */
public final class Participants {
  private Participants() {}

  /** The central bank (settlement agent) of the RUB node. */
  public static final String RU_CB = "CBRURUMM";
  /** The central bank of the IRR node. */
  public static final String IR_CB = "CBIRIRTH";
  /** Domestic RUB banks of the RTGS tests. */
  public static final String A = "AAAARUMM";
  public static final String B = "BBBBRUMM";
  public static final String C = "CCCCRUMM";
  /** The RUB debtor bank of the cross-border tests. */
  public static final String VOLGA = "VOLGRUMM";
  /** The IRR creditor bank of the cross-border tests. */
  public static final String TEHRAN = "TEHRIRTH";
  /** The FX provider holding accounts on both nodes. */
  public static final String DEALER = "DLRXRUMM";
}
