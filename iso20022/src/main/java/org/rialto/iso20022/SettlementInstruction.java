package org.rialto.iso20022;

/** How a group of transfers settles (SettlementInstruction7). */
public record SettlementInstruction(
    SettlementMethod method,
    Account settlementAccount,
    CodeOrProprietary clearingSystem,
    Agent instructingReimbursementAgent,
    Account instructingReimbursementAgentAccount,
    Agent instructedReimbursementAgent,
    Account instructedReimbursementAgentAccount,
    Agent thirdReimbursementAgent,
    Account thirdReimbursementAgentAccount) {
  public SettlementInstruction {
    Check.required(method, "settlement method");
  }

  public static SettlementInstruction of(SettlementMethod method) {
    return new SettlementInstruction(method, null, null, null, null, null, null, null, null);
  }

  /** Settlement through a clearing system, identified by its code. */
  public static SettlementInstruction clearing(String clearingSystemCode) {
    return new SettlementInstruction(SettlementMethod.CLRG, null,
        clearingSystemCode == null ? null : CodeOrProprietary.code(clearingSystemCode), null, null, null, null, null, null);
  }
}
