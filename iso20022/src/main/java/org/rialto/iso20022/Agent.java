package org.rialto.iso20022;

/**
 * A financial institution acting in a payment: debtor agent, creditor agent, instructing and
 * instructed agents, intermediaries (BranchAndFinancialInstitutionIdentification6 with its
 * FinancialInstitutionIdentification18 flattened in).
 *
 * @param bic BICFI, or null
 * @param other FinInstnId/Othr, or null
 * @param branch BrnchId, or null
 */
public record Agent(
    String bic,
    ClearingSystemMember clearingSystemMember,
    String lei,
    String name,
    PostalAddress postalAddress,
    GenericId other,
    Branch branch) {
  public Agent {
    Check.text(name, 140, "agent name");
  }

  /** An agent known by its BIC only, the usual case between banks and nodes. */
  public static Agent ofBic(String bic) {
    return new Agent(Check.required(bic, "bic"), null, null, null, null, null, null);
  }

  /** An agent known by its BIC and LEI. */
  public static Agent ofBic(String bic, String lei) {
    return new Agent(Check.required(bic, "bic"), null, lei, null, null, null, null);
  }

  /** An agent known by its membership of a clearing system. */
  public static Agent ofMember(String clearingSystemCode, String memberId, String name) {
    return new Agent(null, new ClearingSystemMember(CodeOrProprietary.code(clearingSystemCode), memberId), null, name,
        null, null, null);
  }
}
