package org.rialto.iso20022;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * pacs.008.001.08 FIToFICustomerCreditTransfer: one or many customer credit transfers.
 *
 * @param otherElements message-level supplementary data, kept untyped
 */
public record Pacs008(CreditTransferGroupHeader groupHeader, List<CreditTransfer> transactions, List<XmlElement> otherElements)
    implements IsoMessage {
  public Pacs008 {
    Check.required(groupHeader, "groupHeader");
    transactions = Check.list(transactions, "transactions");
    if (transactions.isEmpty()) throw new IllegalArgumentException("a pacs.008 carries at least one transaction");
    otherElements = Check.list(otherElements, "otherElements");
  }

  /** A message of the given transactions; NbOfTxs is set from their count. */
  public static Pacs008 of(String messageId, OffsetDateTime created, SettlementInstruction settlement, List<CreditTransfer> transactions) {
    return new Pacs008(CreditTransferGroupHeader.of(messageId, created, transactions.size(), settlement), transactions, List.of());
  }

  public static Pacs008 of(String messageId, OffsetDateTime created, SettlementInstruction settlement, CreditTransfer transaction) {
    return of(messageId, created, settlement, List.of(transaction));
  }

  @Override
  public MessageType type() {
    return MessageType.PACS_008_001_08;
  }

  @Override
  public String messageId() {
    return groupHeader.messageId();
  }

  /**
   * This message as forwarded by {@code self} to {@code next}: a new MsgId and creation time,
   * the group-level agents (when used) set to self and next, and each transaction passed through
   * {@link CreditTransfer#forwardedBy}. Nothing the sender gave is dropped.
   */
  public Pacs008 forwardedBy(String newMessageId, OffsetDateTime created, Agent self, Agent next) {
    boolean groupAgents = groupHeader.instructingAgent() != null || groupHeader.instructedAgent() != null;
    CreditTransferGroupHeader header = groupAgents
        ? groupHeader.withRouting(newMessageId, created, self, next)
        : groupHeader.withRouting(newMessageId, created, null, null);
    List<CreditTransfer> forwarded = new ArrayList<>(transactions.size());
    for (CreditTransfer t : transactions) {
      if (groupAgents) {
        // Agents live in the group header; a transaction must not repeat them.
        forwarded.add(t.withPreviousInstructingAgent(groupHeader.instructingAgent(), self));
      } else {
        forwarded.add(t.forwardedBy(self, next));
      }
    }
    return new Pacs008(header, forwarded, otherElements);
  }
}
