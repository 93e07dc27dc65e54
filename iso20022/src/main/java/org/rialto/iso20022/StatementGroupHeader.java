package org.rialto.iso20022;

import java.time.OffsetDateTime;
import java.util.List;

/** The group header of camt.052/053/054 (GroupHeader81); pagination and original query are kept untyped. */
public record StatementGroupHeader(
    String messageId, OffsetDateTime creationDateTime, Party messageRecipient, String additionalInformation, List<XmlElement> otherElements) {
  public StatementGroupHeader {
    Check.requiredText(messageId, 35, "messageId");
    Check.required(creationDateTime, "creationDateTime");
    Check.text(additionalInformation, 500, "additionalInformation");
    otherElements = Check.list(otherElements, "otherElements");
  }

  public static StatementGroupHeader of(String messageId, OffsetDateTime created) {
    return new StatementGroupHeader(messageId, created, null, null, List.of());
  }
}
