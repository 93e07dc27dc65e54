package org.rialto.compliance.screening;

/** The role of a screened name in a payment (ISO 20022 party and agent roles). */
public enum PartyRole {
  DEBTOR,
  CREDITOR,
  ULTIMATE_DEBTOR,
  ULTIMATE_CREDITOR,
  DEBTOR_AGENT,
  CREDITOR_AGENT,
  INTERMEDIARY_AGENT,
  INSTRUCTING_AGENT,
  INSTRUCTED_AGENT,
  /** A name screened on its own (`rialto screen NAME`). */
  NAME
}
