package org.rialto.compliance.cases;

/**
 * ISO 20022 status reason codes (ExternalStatusReason1Code) a compliance rejection carries in
 * the pacs.002.
 */
public enum RejectReason {
  RR01("Missing debtor account or identification"),
  RR02("Missing debtor name or address"),
  RR03("Missing creditor name or address"),
  RR04("Regulatory reason"),
  RR05("Regulatory information invalid"),
  RR06("Tax information invalid"),
  RR07("Remittance information invalid"),
  RR08("Remittance information truncated"),
  RR09("Invalid structured creditor reference"),
  RR10("Invalid character set"),
  RR11("Invalid non-remittance information"),
  RR12("Invalid party identification"),
  FRAD("Fraudulent origin");

  private final String description;

  RejectReason(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }

  public static RejectReason parse(String code) {
    try {
      return valueOf(code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown reject reason '" + code + "'; use one of RR01..RR12 or FRAD", e);
    }
  }
}
