package org.rialto.compliance.aml;

/** The kinds of AML/CFT rules. */
public enum AmlRuleType {
  AMOUNT_THRESHOLD,
  VELOCITY,
  STRUCTURING,
  HIGH_RISK_JURISDICTION,
  FATF_R16
}
