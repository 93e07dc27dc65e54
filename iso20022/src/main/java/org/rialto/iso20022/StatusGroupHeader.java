package org.rialto.iso20022;

import java.time.OffsetDateTime;

/** The group header of pacs.002 and pacs.028 (GroupHeader91). */
public record StatusGroupHeader(String messageId, OffsetDateTime creationDateTime, Agent instructingAgent, Agent instructedAgent) {
  public StatusGroupHeader {
    Check.requiredText(messageId, 35, "messageId");
    Check.required(creationDateTime, "creationDateTime");
  }
}
