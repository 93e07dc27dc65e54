package org.rialto.iso20022;

/** An investigation case (Case5). */
public record InvestigationCase(String id, PartyOrAgent creator, Boolean reopenCaseIndication) {
  public InvestigationCase {
    Check.requiredText(id, 35, "id");
    Check.required(creator, "creator");
  }
}
