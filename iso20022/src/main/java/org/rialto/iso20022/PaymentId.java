package org.rialto.iso20022;

/**
 * The identifications of one payment (PaymentIdentification7). The UETR is the end-to-end
 * tracking reference every node keys on.
 */
public record PaymentId(
    String instructionId, String endToEndId, String transactionId, String uetr, String clearingSystemReference) {
  public PaymentId {
    Check.text(instructionId, 35, "instructionId");
    Check.requiredText(endToEndId, 35, "endToEndId");
    Check.text(transactionId, 35, "transactionId");
    Check.text(clearingSystemReference, 35, "clearingSystemReference");
    if (uetr != null && uetr.length() != 36) throw new IllegalArgumentException("UETR must have 36 characters: " + uetr);
  }

  public static PaymentId of(String instructionId, String endToEndId, String transactionId, String uetr) {
    return new PaymentId(instructionId, endToEndId, transactionId, uetr, null);
  }
}
