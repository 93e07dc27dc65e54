package org.rialto.iso20022;

import java.time.OffsetDateTime;

/**
 * admi.002.001.01 MessageReject: the answer to a message that could not be used at all (not
 * well-formed, not schema-valid, hostile), quoting its reference.
 */
public record Admi002(
    String relatedReference,
    String rejectingPartyReason,
    OffsetDateTime rejectionDateTime,
    String errorLocation,
    String reasonDescription,
    String additionalData)
    implements IsoMessage {
  public Admi002 {
    Check.requiredText(relatedReference, 35, "relatedReference");
    Check.requiredText(rejectingPartyReason, 35, "rejectingPartyReason");
    Check.text(errorLocation, 350, "errorLocation");
    Check.text(reasonDescription, 350, "reasonDescription");
    Check.text(additionalData, 20000, "additionalData");
  }

  @Override
  public MessageType type() {
    return MessageType.ADMI_002_001_01;
  }

  @Override
  public String messageId() {
    return relatedReference;
  }

  /**
   * The reject of the message known as {@code reference} (its BizMsgIdr or MsgId, or "NONREF"
   * when it had none) for {@code finding}.
   */
  public static Admi002 reject(String reference, OffsetDateTime at, Finding finding) {
    return new Admi002(cut(reference == null || reference.isEmpty() ? "NONREF" : reference, 35), finding.code().name(), at,
        cut(finding.path(), 350), cut(finding.text(), 350), null);
  }

  private static String cut(String s, int max) {
    return s.length() > max ? s.substring(0, max) : s;
  }
}
