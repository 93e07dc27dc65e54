package org.rialto.iso20022;

/**
 * How a status report, a status request, a return, a cancellation request and a cancellation
 * status name the original transaction: OrgnlGrpInf, OrgnlInstrId, OrgnlEndToEndId, OrgnlTxId and
 * OrgnlUETR. Read and written here once for pacs.002, pacs.028, pacs.004, camt.056 and camt.029;
 * the reader gathers them while it reads the rest of the transaction.
 */
final class OriginalIdentification {
  OriginalGroupInfo group;
  String instructionId;
  String endToEndId;
  String transactionId;
  String uetr;

  /** Reads the element {@code in} is at if it is one of these; false if not. */
  boolean read(XmlIn in) {
    switch (in.name()) {
      case "OrgnlGrpInf" -> group = Components.originalGroupInfo(in);
      case "OrgnlInstrId" -> instructionId = in.text();
      case "OrgnlEndToEndId" -> endToEndId = in.text();
      case "OrgnlTxId" -> transactionId = in.text();
      case "OrgnlUETR" -> uetr = in.text();
      default -> {
        return false;
      }
    }
    return true;
  }

  /**
   * OrgnlGrpInf to OrgnlTxId. The caller writes OrgnlUETR: it follows at once except in camt.029,
   * where OrgnlClrSysRef comes between.
   */
  static void write(XmlOut out, OriginalGroupInfo group, String instructionId, String endToEndId, String transactionId) {
    Components.originalGroupInfo(out, "OrgnlGrpInf", group);
    out.leaf("OrgnlInstrId", instructionId);
    out.leaf("OrgnlEndToEndId", endToEndId);
    out.leaf("OrgnlTxId", transactionId);
  }
}
