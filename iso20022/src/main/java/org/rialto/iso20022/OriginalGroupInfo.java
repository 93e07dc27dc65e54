package org.rialto.iso20022;

import java.time.OffsetDateTime;

/** Which message a status, return or cancellation refers to (OriginalGroupInformation29). */
public record OriginalGroupInfo(String messageId, String messageNameId, OffsetDateTime creationDateTime) {
  public OriginalGroupInfo {
    Check.requiredText(messageId, 35, "original message id");
    Check.requiredText(messageNameId, 35, "original message name id");
  }
}
