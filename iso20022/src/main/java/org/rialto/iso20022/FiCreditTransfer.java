package org.rialto.iso20022;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One financial institution credit transfer of a pacs.009 (CreditTransferTransaction36): debtor
 * and creditor are institutions. The underlying customer credit transfer of a cover payment and
 * supplementary data are kept in {@code otherElements}.
 *
 * @param remittanceInformation unstructured remittance lines (RemittanceInformation2)
 */
public record FiCreditTransfer(
    PaymentId paymentId,
    PaymentTypeInformation paymentTypeInformation,
    Amount interbankSettlementAmount,
    LocalDate interbankSettlementDate,
    SettlementPriority settlementPriority,
    SettlementTimeIndication settlementTimeIndication,
    SettlementTimeRequest settlementTimeRequest,
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
    Agent ultimateDebtor,
    Agent debtor,
    Account debtorAccount,
    Agent debtorAgent,
    Account debtorAgentAccount,
    Agent creditorAgent,
    Account creditorAgentAccount,
    Agent creditor,
    Account creditorAccount,
    Agent ultimateCreditor,
    List<Instruction> instructionsForCreditorAgent,
    List<Instruction> instructionsForNextAgent,
    CodeOrProprietary purpose,
    List<String> remittanceInformation,
    List<XmlElement> otherElements) implements CreditTransferTransaction {
  public FiCreditTransfer {
    Check.required(paymentId, "paymentId");
    Check.required(interbankSettlementAmount, "interbankSettlementAmount");
    Check.required(debtor, "debtor");
    Check.required(creditor, "creditor");
    instructionsForCreditorAgent = Check.list(instructionsForCreditorAgent, "instructionsForCreditorAgent");
    instructionsForNextAgent = Check.list(instructionsForNextAgent, "instructionsForNextAgent");
    remittanceInformation = Check.list(remittanceInformation, "remittanceInformation");
    for (String line : remittanceInformation) Check.requiredText(line, 140, "remittance information");
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

  /** Builds a FiCreditTransfer; lists default to empty. */
  public static final class Builder implements CreditTransferTransaction.Builder<Builder> {
    private PaymentId paymentId;
    private PaymentTypeInformation paymentTypeInformation;
    private Amount interbankSettlementAmount;
    private LocalDate interbankSettlementDate;
    private SettlementPriority settlementPriority;
    private SettlementTimeIndication settlementTimeIndication;
    private SettlementTimeRequest settlementTimeRequest;
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
    private Agent ultimateDebtor;
    private Agent debtor;
    private Account debtorAccount;
    private Agent debtorAgent;
    private Account debtorAgentAccount;
    private Agent creditorAgent;
    private Account creditorAgentAccount;
    private Agent creditor;
    private Account creditorAccount;
    private Agent ultimateCreditor;
    private List<Instruction> instructionsForCreditorAgent = List.of();
    private List<Instruction> instructionsForNextAgent = List.of();
    private CodeOrProprietary purpose;
    private List<String> remittanceInformation = List.of();
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

    public Builder ultimateDebtor(Agent value) {
      this.ultimateDebtor = value;
      return this;
    }

    public Builder debtor(Agent value) {
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

    public Builder creditor(Agent value) {
      this.creditor = value;
      return this;
    }

    public Builder creditorAccount(Account value) {
      this.creditorAccount = value;
      return this;
    }

    public Builder ultimateCreditor(Agent value) {
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

    public Builder remittanceInformation(List<String> value) {
      this.remittanceInformation = value;
      return this;
    }

    public Builder otherElements(List<XmlElement> value) {
      this.otherElements = value;
      return this;
    }

    public FiCreditTransfer build() {
      return new FiCreditTransfer(paymentId, paymentTypeInformation, interbankSettlementAmount, interbankSettlementDate, settlementPriority, settlementTimeIndication, settlementTimeRequest, previousInstructingAgent1, previousInstructingAgent1Account, previousInstructingAgent2, previousInstructingAgent2Account, previousInstructingAgent3, previousInstructingAgent3Account, instructingAgent, instructedAgent, intermediaryAgent1, intermediaryAgent1Account, intermediaryAgent2, intermediaryAgent2Account, intermediaryAgent3, intermediaryAgent3Account, ultimateDebtor, debtor, debtorAccount, debtorAgent, debtorAgentAccount, creditorAgent, creditorAgentAccount, creditor, creditorAccount, ultimateCreditor, instructionsForCreditorAgent, instructionsForNextAgent, purpose, remittanceInformation, otherElements);
    }
  }
}
