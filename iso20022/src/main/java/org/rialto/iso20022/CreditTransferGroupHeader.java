package org.rialto.iso20022;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The group header of a credit transfer message (GroupHeader93, pacs.008 and pacs.009).
 *
 * @param numberOfTransactions NbOfTxs as written (Max15NumericText)
 * @param controlSum CtrlSum, or null
 * @param totalInterbankSettlementAmount TtlIntrBkSttlmAmt, or null
 * @param interbankSettlementDate group-level IntrBkSttlmDt, or null (then each transaction has one)
 */
public record CreditTransferGroupHeader(
    String messageId,
    OffsetDateTime creationDateTime,
    Boolean batchBooking,
    String numberOfTransactions,
    BigDecimal controlSum,
    Amount totalInterbankSettlementAmount,
    LocalDate interbankSettlementDate,
    SettlementInstruction settlementInstruction,
    PaymentTypeInformation paymentTypeInformation,
    Agent instructingAgent,
    Agent instructedAgent) {
  public CreditTransferGroupHeader {
    Check.requiredText(messageId, 35, "messageId");
    Check.required(creationDateTime, "creationDateTime");
    Check.requiredText(numberOfTransactions, 15, "numberOfTransactions");
    Check.required(settlementInstruction, "settlementInstruction");
  }

  /** A header for {@code count} transactions settled as {@code settlement}. */
  public static CreditTransferGroupHeader of(String messageId, OffsetDateTime created, int count, SettlementInstruction settlement) {
    if (count < 1) throw new IllegalArgumentException("a message carries at least one transaction");
    return new CreditTransferGroupHeader(messageId, created, null, Integer.toString(count), null, null, null, settlement,
        null, null, null);
  }

  public CreditTransferGroupHeader withRouting(String newMessageId, OffsetDateTime created, Agent instructing, Agent instructed) {
    return new CreditTransferGroupHeader(newMessageId, created, batchBooking, numberOfTransactions, controlSum,
        totalInterbankSettlementAmount, interbankSettlementDate, settlementInstruction, paymentTypeInformation,
        instructing, instructed);
  }
}
