package org.rialto.iso20022;

import java.time.LocalDate;
import java.util.List;

/**
 * What a customer credit transfer (pacs.008, CreditTransferTransaction39) and a financial
 * institution credit transfer (pacs.009, CreditTransferTransaction36) share, element for element:
 * identification, interbank settlement, the chain of agents the payment passes, the accounts of
 * debtor and creditor, the instructions to the agents and the purpose. The parties differ
 * (customers in one, institutions in the other), and the customer transfer adds amounts, charges
 * and structured remittance. The reader, writer and rules treat the shared elements once for both.
 */
sealed interface CreditTransferTransaction permits CreditTransfer, FiCreditTransfer {
  PaymentId paymentId();
  PaymentTypeInformation paymentTypeInformation();
  Amount interbankSettlementAmount();
  LocalDate interbankSettlementDate();
  SettlementPriority settlementPriority();
  SettlementTimeIndication settlementTimeIndication();
  SettlementTimeRequest settlementTimeRequest();
  Agent previousInstructingAgent1();
  Account previousInstructingAgent1Account();
  Agent previousInstructingAgent2();
  Account previousInstructingAgent2Account();
  Agent previousInstructingAgent3();
  Account previousInstructingAgent3Account();
  Agent instructingAgent();
  Agent instructedAgent();
  Agent intermediaryAgent1();
  Account intermediaryAgent1Account();
  Agent intermediaryAgent2();
  Account intermediaryAgent2Account();
  Agent intermediaryAgent3();
  Account intermediaryAgent3Account();
  Account debtorAccount();
  Agent debtorAgent();
  Account debtorAgentAccount();
  Agent creditorAgent();
  Account creditorAgentAccount();
  Account creditorAccount();
  List<Instruction> instructionsForCreditorAgent();
  List<Instruction> instructionsForNextAgent();
  CodeOrProprietary purpose();
  List<XmlElement> otherElements();

  /**
   * The setters of the shared elements that the reader fills in one place for both builders (the
   * repeated instructions and the untyped elements are gathered by each transaction's reader).
   * Each builder still declares its own setters, returning its own type: code compiled against the
   * builders (node, cli) links to exactly those methods, and moved into a shared generic base
   * class they would fail with NoSuchMethodError in any module Maven did not recompile (it does
   * not recompile a module when only a dependency changed).
   */
  interface Builder<B extends Builder<B>> {
    B paymentId(PaymentId value);
    B paymentTypeInformation(PaymentTypeInformation value);
    B interbankSettlementAmount(Amount value);
    B interbankSettlementDate(LocalDate value);
    B settlementPriority(SettlementPriority value);
    B settlementTimeIndication(SettlementTimeIndication value);
    B settlementTimeRequest(SettlementTimeRequest value);
    B previousInstructingAgent1(Agent value);
    B previousInstructingAgent1Account(Account value);
    B previousInstructingAgent2(Agent value);
    B previousInstructingAgent2Account(Account value);
    B previousInstructingAgent3(Agent value);
    B previousInstructingAgent3Account(Account value);
    B instructingAgent(Agent value);
    B instructedAgent(Agent value);
    B intermediaryAgent1(Agent value);
    B intermediaryAgent1Account(Account value);
    B intermediaryAgent2(Agent value);
    B intermediaryAgent2Account(Account value);
    B intermediaryAgent3(Agent value);
    B intermediaryAgent3Account(Account value);
    B debtorAccount(Account value);
    B debtorAgent(Agent value);
    B debtorAgentAccount(Account value);
    B creditorAgent(Agent value);
    B creditorAgentAccount(Account value);
    B creditorAccount(Account value);
    B purpose(CodeOrProprietary value);
  }
}
