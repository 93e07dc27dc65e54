package org.rialto.compliance.aml;

/**
 * One rule a payment triggered.
 *
 * @param ruleId the rule's id from the configuration
 * @param type the kind of rule
 * @param action hold or flag
 * @param evidence what the rule saw, in words an operator can check
 * @param reasonCode the ISO 20022 status reason a rejection on this hit carries (RR01 missing
 *     debtor account or identification, RR02 debtor name or address, RR03 creditor name or
 *     address, RR04 any other regulatory reason)
 */
public record AmlHit(String ruleId, AmlRuleType type, AmlAction action, String evidence, String reasonCode) {
  public AmlHit {
    if (ruleId == null || ruleId.isBlank() || type == null || action == null || evidence == null || evidence.isBlank()) {
      throw new IllegalArgumentException("an AML hit needs a rule id, type, action and evidence");
    }
    if (reasonCode == null || !reasonCode.matches("RR0[1-4]")) {
      throw new IllegalArgumentException("an AML hit's reason code is RR01..RR04, got " + reasonCode);
    }
  }

  /** A hit whose rejection is for a regulatory reason (RR04). */
  public AmlHit(String ruleId, AmlRuleType type, AmlAction action, String evidence) {
    this(ruleId, type, action, evidence, "RR04");
  }

  /** One line for a case: rule, kind, action and evidence. */
  public String explain() {
    return "AML rule " + ruleId + " (" + type.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ", "
        + action.name().toLowerCase(java.util.Locale.ROOT) + "): " + evidence;
  }
}
