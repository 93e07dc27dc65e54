package org.rialto.iso20022;

/**
 * The bank transaction code of an entry (BankTransactionCodeStructure4): ISO domain, family and
 * sub-family codes (e.g. PMNT / RCDT / XBCT for a received cross-border credit transfer) and/or
 * a proprietary code.
 */
public record BankTransactionCode(String domain, String family, String subFamily, String proprietaryCode, String proprietaryIssuer) {
  public BankTransactionCode {
    if ((domain == null) != (family == null) || (domain == null) != (subFamily == null)) {
      throw new IllegalArgumentException("domain, family and sub-family come together");
    }
    if (proprietaryIssuer != null && proprietaryCode == null) {
      throw new IllegalArgumentException("a proprietary issuer needs a proprietary code");
    }
  }

  public static BankTransactionCode of(String domain, String family, String subFamily) {
    return new BankTransactionCode(domain, family, subFamily, null, null);
  }

  /** PMNT / RCDT / XBCT: a received cross-border credit transfer. */
  public static final BankTransactionCode RECEIVED_CROSS_BORDER = of("PMNT", "RCDT", "XBCT");
  /** PMNT / ICDT / XBCT: an issued cross-border credit transfer. */
  public static final BankTransactionCode ISSUED_CROSS_BORDER = of("PMNT", "ICDT", "XBCT");
  /** PMNT / RCDT / DMCT: a received domestic credit transfer. */
  public static final BankTransactionCode RECEIVED_DOMESTIC = of("PMNT", "RCDT", "DMCT");
  /** PMNT / ICDT / DMCT: an issued domestic credit transfer. */
  public static final BankTransactionCode ISSUED_DOMESTIC = of("PMNT", "ICDT", "DMCT");
}
