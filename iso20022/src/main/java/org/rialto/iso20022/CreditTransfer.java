package org.rialto.iso20022;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One customer credit transfer of a pacs.008 (CreditTransferTransaction39). Every child element
 * of the schema type is here: typed, or in {@code otherElements} (regulatory reporting, tax,
 * related remittance information, supplementary data), so a forwarded transfer loses nothing.
 * Null means absent; lists are never null.
 */
public record CreditTransfer(
    PaymentId paymentId,
    PaymentTypeInformation paymentTypeInformation,
    Amount interbankSettlementAmount,
    LocalDate interbankSettlementDate,
    SettlementPriority settlementPriority,
    SettlementTimeIndication settlementTimeIndication,
    SettlementTimeRequest settlementTimeRequest,
    OffsetDateTime acceptanceDateTime,
    LocalDate poolingAdjustmentDate,
    Amount instructedAmount,
    BigDecimal exchangeRate,
    ChargeBearer chargeBearer,
    List<Charge> charges,
    Agent previousInstructingAgent1,
    Account previousInstructingAgent1Account,
    Agent previousInstructingAgent2,
    Account previousInstructingAgent2Account,
    Agent previousInstructingAgent3,
    Account previousInstructingAgent3Account,
    Agent instructingAgent,
    Agent instructedAgent,
    Agent intermediaryAgent1,
    Account intermediaryAgent1Account,
    Agent intermediaryAgent2,
    Account intermediaryAgent2Account,
    Agent intermediaryAgent3,
    Account intermediaryAgent3Account,
    Party ultimateDebtor,
    Party initiatingParty,
    Party debtor,
    Account debtorAccount,
    Agent debtorAgent,
    Account debtorAgentAccount,
    Agent creditorAgent,
    Account creditorAgentAccount,
    Party creditor,
    Account creditorAccount,
    Party ultimateCreditor,
    List<Instruction> instructionsForCreditorAgent,
    List<Instruction> instructionsForNextAgent,
    CodeOrProprietary purpose,
    RemittanceInformation remittanceInformation,
    List<XmlElement> otherElements) implements CreditTransferTransaction {
  public CreditTransfer {
    Check.required(paymentId, "paymentId");
    Check.required(interbankSettlementAmount, "interbankSettlementAmount");
    Check.required(chargeBearer, "chargeBearer");
    Check.required(debtor, "debtor");
    Check.required(debtorAgent, "debtorAgent");
    Check.required(creditorAgent, "creditorAgent");
    Check.required(creditor, "creditor");
    charges = Check.list(charges, "charges");
    instructionsForCreditorAgent = Check.list(instructionsForCreditorAgent, "instructionsForCreditorAgent");
    instructionsForNextAgent = Check.list(instructionsForNextAgent, "instructionsForNextAgent");
    otherElements = Check.list(otherElements, "otherElements");
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.paymentId = paymentId;
    b.paymentTypeInformation = paymentTypeInformation;
    b.interbankSettlementAmount = interbankSettlementAmount;
    b.interbankSettlementDate = interbankSettlementDate;
    b.settlementPriority = settlementPriority;
    b.settlementTimeIndication = settlementTimeIndication;
    b.settlementTimeRequest = settlementTimeRequest;
    b.acceptanceDateTime = acceptanceDateTime;
    b.poolingAdjustmentDate = poolingAdjustmentDate;
    b.instructedAmount = instructedAmount;
    b.exchangeRate = exchangeRate;
    b.chargeBearer = chargeBearer;
    b.charges = charges;
    b.previousInstructingAgent1 = previousInstructingAgent1;
    b.previousInstructingAgent1Account = previousInstructingAgent1Account;
    b.previousInstructingAgent2 = previousInstructingAgent2;
    b.previousInstructingAgent2Account = previousInstructingAgent2Account;
    b.previousInstructingAgent3 = previousInstructingAgent3;
    b.previousInstructingAgent3Account = previousInstructingAgent3Account;
    b.instructingAgent = instructingAgent;
    b.instructedAgent = instructedAgent;
    b.intermediaryAgent1 = intermediaryAgent1;
    b.intermediaryAgent1Account = intermediaryAgent1Account;
    b.intermediaryAgent2 = intermediaryAgent2;
    b.intermediaryAgent2Account = intermediaryAgent2Account;
    b.intermediaryAgent3 = intermediaryAgent3;
    b.intermediaryAgent3Account = intermediaryAgent3Account;
    b.ultimateDebtor = ultimateDebtor;
    b.initiatingParty = initiatingParty;
    b.debtor = debtor;
    b.debtorAccount = debtorAccount;
    b.debtorAgent = debtorAgent;
    b.debtorAgentAccount = debtorAgentAccount;
    b.creditorAgent = creditorAgent;
    b.creditorAgentAccount = creditorAgentAccount;
    b.creditor = creditor;
    b.creditorAccount = creditorAccount;
    b.ultimateCreditor = ultimateCreditor;
    b.instructionsForCreditorAgent = instructionsForCreditorAgent;
    b.instructionsForNextAgent = instructionsForNextAgent;
    b.purpose = purpose;
    b.remittanceInformation = remittanceInformation;
    b.otherElements = otherElements;
    return b;
  }

  /** The FX quote id carried in an instruction for the next agent ("/QUOTE/<id>"), or null. */
  public String quoteId() {
    for (Instruction i : instructionsForNextAgent) {
      String id = i.quoteId();
      if (id != null) return id;
    }
    return null;
  }

  /**
   * This transaction as the next hop receives it: {@code self} becomes the instructing agent and
   * {@code next} the instructed agent, and the agent that instructed us moves into the previous
   * instructing agents (as CBPR+ requires of a forwarding agent). Everything else is kept.
   */
  public CreditTransfer forwardedBy(Agent self, Agent next) {
    return withPreviousInstructingAgent(instructingAgent, self).toBuilder().instructingAgent(self).instructedAgent(next).build();
  }

  /**
   * Records {@code previous} in the first free previous-instructing-agent slot, unless it is
   * null or {@code self} (a node forwarding its own message adds no hop).
   */
  CreditTransfer withPreviousInstructingAgent(Agent previous, Agent self) {
    if (previous == null || previous.equals(self)) return this;
    Builder b = toBuilder();
    if (previousInstructingAgent1 == null) {
      b.previousInstructingAgent1(previous);
    } else if (previousInstructingAgent2 == null) {
      b.previousInstructingAgent2(previous);
    } else if (previousInstructingAgent3 == null) {
      b.previousInstructingAgent3(previous);
    } else {
      throw new IllegalStateException("a payment passes at most three previous instructing agents");
    }
    return b.build();
  }

  /** Builds a CreditTransfer; lists default to empty. */
  public static final class Builder implements CreditTransferTransaction.Builder<Builder> {
    private PaymentId paymentId;
    private PaymentTypeInformation paymentTypeInformation;
    private Amount interbankSettlementAmount;
    private LocalDate interbankSettlementDate;
    private SettlementPriority settlementPriority;
    private SettlementTimeIndication settlementTimeIndication;
    private SettlementTimeRequest settlementTimeRequest;
    private OffsetDateTime acceptanceDateTime;
    private LocalDate poolingAdjustmentDate;
    private Amount instructedAmount;
    private BigDecimal exchangeRate;
    private ChargeBearer chargeBearer;
    private List<Charge> charges = List.of();
    private Agent previousInstructingAgent1;
    private Account previousInstructingAgent1Account;
    private Agent previousInstructingAgent2;
    private Account previousInstructingAgent2Account;
    private Agent previousInstructingAgent3;
    private Account previousInstructingAgent3Account;
    private Agent instructingAgent;
    private Agent instructedAgent;
    private Agent intermediaryAgent1;
    private Account intermediaryAgent1Account;
    private Agent intermediaryAgent2;
    private Account intermediaryAgent2Account;
    private Agent intermediaryAgent3;
    private Account intermediaryAgent3Account;
    private Party ultimateDebtor;
    private Party initiatingParty;
    private Party debtor;
    private Account debtorAccount;
    private Agent debtorAgent;
    private Account debtorAgentAccount;
    private Agent creditorAgent;
    private Account creditorAgentAccount;
    private Party creditor;
    private Account creditorAccount;
    private Party ultimateCreditor;
    private List<Instruction> instructionsForCreditorAgent = List.of();
    private List<Instruction> instructionsForNextAgent = List.of();
    private CodeOrProprietary purpose;
    private RemittanceInformation remittanceInformation;
    private List<XmlElement> otherElements = List.of();

    private Builder() {}

    public Builder paymentId(PaymentId value) {
      this.paymentId = value;
      return this;
    }

    public Builder paymentTypeInformation(PaymentTypeInformation value) {
      this.paymentTypeInformation = value;
      return this;
    }

    public Builder interbankSettlementAmount(Amount value) {
      this.interbankSettlementAmount = value;
      return this;
    }

    public Builder interbankSettlementDate(LocalDate value) {
      this.interbankSettlementDate = value;
      return this;
    }

    public Builder settlementPriority(SettlementPriority value) {
      this.settlementPriority = value;
      return this;
    }

    public Builder settlementTimeIndication(SettlementTimeIndication value) {
      this.settlementTimeIndication = value;
      return this;
    }

    public Builder settlementTimeRequest(SettlementTimeRequest value) {
      this.settlementTimeRequest = value;
      return this;
    }

    public Builder acceptanceDateTime(OffsetDateTime value) {
      this.acceptanceDateTime = value;
      return this;
    }

    public Builder poolingAdjustmentDate(LocalDate value) {
      this.poolingAdjustmentDate = value;
      return this;
    }

    public Builder instructedAmount(Amount value) {
      this.instructedAmount = value;
      return this;
    }

    public Builder exchangeRate(BigDecimal value) {
      this.exchangeRate = value;
      return this;
    }

    public Builder chargeBearer(ChargeBearer value) {
      this.chargeBearer = value;
      return this;
    }

    public Builder charges(List<Charge> value) {
      this.charges = value;
      return this;
    }

    public Builder previousInstructingAgent1(Agent value) {
      this.previousInstructingAgent1 = value;
      return this;
    }

    public Builder previousInstructingAgent1Account(Account value) {
      this.previousInstructingAgent1Account = value;
      return this;
    }

    public Builder previousInstructingAgent2(Agent value) {
      this.previousInstructingAgent2 = value;
      return this;
    }

    public Builder previousInstructingAgent2Account(Account value) {
      this.previousInstructingAgent2Account = value;
      return this;
    }

    public Builder previousInstructingAgent3(Agent value) {
      this.previousInstructingAgent3 = value;
      return this;
    }

    public Builder previousInstructingAgent3Account(Account value) {
      this.previousInstructingAgent3Account = value;
      return this;
    }

    public Builder instructingAgent(Agent value) {
      this.instructingAgent = value;
      return this;
    }

    public Builder instructedAgent(Agent value) {
      this.instructedAgent = value;
      return this;
    }

    public Builder intermediaryAgent1(Agent value) {
      this.intermediaryAgent1 = value;
      return this;
    }

    public Builder intermediaryAgent1Account(Account value) {
      this.intermediaryAgent1Account = value;
      return this;
    }

    public Builder intermediaryAgent2(Agent value) {
      this.intermediaryAgent2 = value;
      return this;
    }

    public Builder intermediaryAgent2Account(Account value) {
      this.intermediaryAgent2Account = value;
      return this;
    }

    public Builder intermediaryAgent3(Agent value) {
      this.intermediaryAgent3 = value;
      return this;
    }

    public Builder intermediaryAgent3Account(Account value) {
      this.intermediaryAgent3Account = value;
      return this;
    }

    public Builder ultimateDebtor(Party value) {
      this.ultimateDebtor = value;
      return this;
    }

    public Builder initiatingParty(Party value) {
      this.initiatingParty = value;
      return this;
    }

    public Builder debtor(Party value) {
      this.debtor = value;
      return this;
    }

    public Builder debtorAccount(Account value) {
      this.debtorAccount = value;
      return this;
    }

    public Builder debtorAgent(Agent value) {
      this.debtorAgent = value;
      return this;
    }

    public Builder debtorAgentAccount(Account value) {
      this.debtorAgentAccount = value;
      return this;
    }

    public Builder creditorAgent(Agent value) {
      this.creditorAgent = value;
      return this;
    }

    public Builder creditorAgentAccount(Account value) {
      this.creditorAgentAccount = value;
      return this;
    }

    public Builder creditor(Party value) {
      this.creditor = value;
      return this;
    }

    public Builder creditorAccount(Account value) {
      this.creditorAccount = value;
      return this;
    }

    public Builder ultimateCreditor(Party value) {
      this.ultimateCreditor = value;
      return this;
    }

    public Builder instructionsForCreditorAgent(List<Instruction> value) {
      this.instructionsForCreditorAgent = value;
      return this;
    }

    public Builder instructionsForNextAgent(List<Instruction> value) {
      this.instructionsForNextAgent = value;
      return this;
    }

    public Builder purpose(CodeOrProprietary value) {
      this.purpose = value;
      return this;
    }

    public Builder remittanceInformation(RemittanceInformation value) {
      this.remittanceInformation = value;
      return this;
    }

    public Builder otherElements(List<XmlElement> value) {
      this.otherElements = value;
      return this;
    }

    public CreditTransfer build() {
      return new CreditTransfer(paymentId, paymentTypeInformation, interbankSettlementAmount, interbankSettlementDate, settlementPriority, settlementTimeIndication, settlementTimeRequest, acceptanceDateTime, poolingAdjustmentDate, instructedAmount, exchangeRate, chargeBearer, charges, previousInstructingAgent1, previousInstructingAgent1Account, previousInstructingAgent2, previousInstructingAgent2Account, previousInstructingAgent3, previousInstructingAgent3Account, instructingAgent, instructedAgent, intermediaryAgent1, intermediaryAgent1Account, intermediaryAgent2, intermediaryAgent2Account, intermediaryAgent3, intermediaryAgent3Account, ultimateDebtor, initiatingParty, debtor, debtorAccount, debtorAgent, debtorAgentAccount, creditorAgent, creditorAgentAccount, creditor, creditorAccount, ultimateCreditor, instructionsForCreditorAgent, instructionsForNextAgent, purpose, remittanceInformation, otherElements);
    }
  }
}
