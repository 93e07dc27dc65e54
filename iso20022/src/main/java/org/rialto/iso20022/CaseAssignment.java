package org.rialto.iso20022;

import java.time.OffsetDateTime;

/** Who assigned an investigation case to whom, and when (CaseAssignment5). */
public record CaseAssignment(String id, PartyOrAgent assigner, PartyOrAgent assignee, OffsetDateTime creationDateTime) {
  public CaseAssignment {
    Check.requiredText(id, 35, "id");
    Check.required(assigner, "assigner");
    Check.required(assignee, "assignee");
    Check.required(creationDateTime, "creationDateTime");
  }
}
