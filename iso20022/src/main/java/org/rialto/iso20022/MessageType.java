package org.rialto.iso20022;

/** The ISO 20022 message definitions Rialto reads and writes (the 2019 generation). */
public enum MessageType {
  PACS_008_001_08("pacs.008.001.08", "FIToFICstmrCdtTrf", "FIToFICustomerCreditTransferV08"),
  PACS_009_001_08("pacs.009.001.08", "FICdtTrf", "FinancialInstitutionCreditTransferV08"),
  PACS_002_001_10("pacs.002.001.10", "FIToFIPmtStsRpt", "FIToFIPaymentStatusReportV10"),
  PACS_004_001_09("pacs.004.001.09", "PmtRtr", "PaymentReturnV09"),
  PACS_004_001_10("pacs.004.001.10", "PmtRtr", "PaymentReturnV10"),
  PACS_028_001_03("pacs.028.001.03", "FIToFIPmtStsReq", "FIToFIPaymentStatusRequestV03"),
  CAMT_052_001_08("camt.052.001.08", "BkToCstmrAcctRpt", "BankToCustomerAccountReportV08"),
  CAMT_053_001_08("camt.053.001.08", "BkToCstmrStmt", "BankToCustomerStatementV08"),
  CAMT_054_001_08("camt.054.001.08", "BkToCstmrDbtCdtNtfctn", "BankToCustomerDebitCreditNotificationV08"),
  CAMT_056_001_08("camt.056.001.08", "FIToFIPmtCxlReq", "FIToFIPaymentCancellationRequestV08"),
  CAMT_029_001_09("camt.029.001.09", "RsltnOfInvstgtn", "ResolutionOfInvestigationV09"),
  ADMI_002_001_01("admi.002.001.01", "admi.002.001.01", "admi.002.001.01");

  /** Namespace of every ISO 20022 message and header: the prefix of {@link #namespace()}. */
  public static final String NAMESPACE_PREFIX = "urn:iso:std:iso:20022:tech:xsd:";
  /** The business application header head.001.001.02. */
  public static final String HEADER_ID = "head.001.001.02";
  public static final String HEADER_NAMESPACE = NAMESPACE_PREFIX + HEADER_ID;

  private final String id;
  private final String rootElement;
  private final String rootType;
  private final String namespace;

  MessageType(String id, String rootElement, String rootType) {
    this.id = id;
    this.rootElement = rootElement;
    this.rootType = rootType;
    this.namespace = NAMESPACE_PREFIX + id;
  }

  /** The message definition identifier, e.g. "pacs.008.001.08" (AppHdr MsgDefIdr). */
  public String id() {
    return id;
  }

  public String namespace() {
    return namespace;
  }

  /** The element inside Document, e.g. "FIToFICstmrCdtTrf". */
  public String rootElement() {
    return rootElement;
  }

  String rootType() {
    return rootType;
  }

  /** The type whose namespace is {@code namespace}, or null when Rialto does not handle it. */
  public static MessageType ofNamespace(String namespace) {
    if (namespace == null || !namespace.startsWith(NAMESPACE_PREFIX)) return null;
    return ofId(namespace.substring(NAMESPACE_PREFIX.length()));
  }

  /** The type with identifier {@code id} (e.g. "pacs.008.001.08"), or null. */
  public static MessageType ofId(String id) {
    for (MessageType t : values()) {
      if (t.id.equals(id)) return t;
    }
    return null;
  }

  @Override
  public String toString() {
    return id;
  }
}
