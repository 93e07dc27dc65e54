package org.rialto.compliance.aml;

/**
 * One rule a payment triggered.
 *
 * @param ruleId the rule's id from the configuration
 * @param type the kind of rule
 * @param action hold or flag
 * @param evidence what the rule saw, in words an operator can check
 */
public record AmlHit(String ruleId, AmlRuleType type, AmlAction action, String evidence) {
  public AmlHit {
    if (ruleId == null || ruleId.isBlank() || type == null || action == null || evidence == null || evidence.isBlank()) {
      throw new IllegalArgumentException("an AML hit needs a rule id, type, action and evidence");
    }
  }
}
