package org.rialto.iso20022;

/**
 * ISO 20022 external reason codes (ExternalStatusReason1Code and the return and cancellation
 * code sets, which share these values). The first group is what this module's validation emits;
 * the second group is what a node needs for its own status reports and returns.
 */
public enum ReasonCode {
  // Emitted by read/validation.
  FF01("InvalidFileFormat", "File format incomplete or invalid"),
  AC01("IncorrectAccountNumber", "Account number is invalid or missing"),
  AM01("ZeroAmount", "Specified message amount is equal to zero"),
  AM02("NotAllowedAmount", "Specific transaction/message amount is greater than allowed maximum"),
  AM03("NotAllowedCurrency", "Specified message amount is in a non processable currency"),
  AM10("InvalidControlSum", "Sum of instructed amounts does not equal the control sum"),
  AM12("InvalidAmount", "Amount is invalid or missing"),
  AM18("InvalidNumberOfTransactions", "Number of transactions is invalid or missing"),
  BE09("InvalidCountry", "Country code is missing or invalid"),
  BE15("InvalidIdentificationCode", "Identification code missing or invalid"),
  BE16("InvalidDebtorIdentificationCode", "Debtor or ultimate debtor identification code missing or invalid"),
  BE17("InvalidCreditorIdentificationCode", "Creditor or ultimate creditor identification code missing or invalid"),
  BE19("InvalidChargeBearerCode", "Charge bearer code for transaction type is invalid"),
  CH16("ElementContentFormallyIncorrect", "Content is incorrect"),
  CH17("ElementNotAdmitted", "Element is not admitted"),
  CH20("DecimalPointsNotCompatibleWithCurrency", "Number of decimal points not compatible with the currency"),
  CH21("RequiredCompulsoryElementMissing", "Mandatory element is missing"),
  DT01("InvalidDate", "Invalid date (eg, wrong or missing settlement date)"),
  DU03("DuplicateTransaction", "Transaction is not unique within the message"),
  DU05("DuplicateInstructionID", "Instruction ID is not unique within the message"),
  RC01("BankIdentifierIncorrect", "Bank identifier code specified in the message has an incorrect format"),
  RR01("MissingDebtorAccountOrIdentification", "Debtor account or unique identification needed for regulatory requirements is insufficient or missing"),
  RR02("MissingDebtorNameOrAddress", "Debtor name and/or address needed for regulatory requirements is insufficient or missing"),
  RR03("MissingCreditorNameOrAddress", "Creditor name and/or address needed for regulatory requirements is insufficient or missing"),
  RR04("RegulatoryReason", "Regulatory reason"),
  // Used by nodes in their own status reports, returns and cancellations.
  AB03("AbortedSettlementTimeout", "Settlement aborted due to timeout"),
  AB05("TimeoutCreditorAgent", "Transaction stopped due to timeout at the creditor agent"),
  AB06("TimeoutInstructedAgent", "Transaction stopped due to timeout at the instructed agent"),
  AC03("InvalidCreditorAccountNumber", "Wrong creditor account number"),
  AC04("ClosedAccountNumber", "Account number specified has been closed on the bank of account's books"),
  AC06("BlockedAccount", "Account specified is blocked, prohibiting posting of transactions against it"),
  AG01("TransactionForbidden", "Transaction forbidden on this type of account"),
  AM04("InsufficientFunds", "Amount of funds available to cover specified message amount is insufficient"),
  AM05("Duplication", "Duplication"),
  CUST("RequestedByCustomer", "Cancellation requested by the debtor"),
  DUPL("DuplicatePayment", "Payment is a duplicate of another payment"),
  FOCR("FollowingCancellationRequest", "Return following a cancellation request"),
  MS03("NotSpecifiedReasonAgentGenerated", "Reason has not been specified by agent"),
  NARR("Narrative", "Reason is provided as narrative information in the additional reason information");

  private final String isoName;
  private final String definition;

  ReasonCode(String isoName, String definition) {
    this.isoName = isoName;
    this.definition = definition;
  }

  /** The code's name in the ISO external code list, e.g. "IncorrectAccountNumber" for AC01. */
  public String isoName() {
    return isoName;
  }

  public String definition() {
    return definition;
  }
}
