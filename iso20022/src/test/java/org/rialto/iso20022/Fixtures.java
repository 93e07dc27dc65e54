package org.rialto.iso20022;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** A RUB to IRR customer transfer that passes every rule, and what a node sends around it. */
final class Fixtures {
  static final OffsetDateTime NOW = OffsetDateTime.of(2026, 3, 2, 9, 30, 0, 0, ZoneOffset.ofHours(3));
  static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
  static final Agent SENDER_BANK = Agent.ofBic("SABRRUMMXXX");
  static final Agent RU_NODE = Agent.ofBic("CBRFRUMMXXX");
  static final Agent IR_NODE = Agent.ofBic("CBIRIRTHXXX");
  static final Agent RECEIVER_BANK = Agent.ofBic("BMJIIRTHXXX");

  private Fixtures() {}

  static CreditTransfer transfer(int i) {
    return CreditTransfer.builder()
        .paymentId(PaymentId.of("INSTR-" + i, "E2E-" + i, "TX-" + i, uetr(i)))
        .paymentTypeInformation(PaymentTypeInformation.of(Priority.HIGH, "G001"))
        .interbankSettlementAmount(Amount.of("RUB", "150000.00"))
        .interbankSettlementDate(TODAY)
        .instructedAmount(Amount.of("IRR", "70000000.00"))
        .exchangeRate(new BigDecimal("466.6667"))
        .chargeBearer(ChargeBearer.SHAR)
        .instructingAgent(SENDER_BANK)
        .instructedAgent(RU_NODE)
        .debtor(new Party("Ivan Petrov", PostalAddress.of("Tverskaya", "7", "125009", "Moscow", "RU"), null, "RU", null))
        .debtorAccount(Account.other("40817810099910004312"))
        .debtorAgent(SENDER_BANK)
        .creditorAgent(RECEIVER_BANK)
        .creditor(Party.of("Reza Mohammadi", PostalAddress.of("Valiasr", "12", "1599", "Tehran", "IR")))
        .creditorAccount(Account.iban("IR062960000000100324200001"))
        .instructionsForNextAgent(List.of(Instruction.quote("Q-" + i)))
        .purpose(CodeOrProprietary.code("GDDS"))
        .remittanceInformation(RemittanceInformation.of("Invoice 2026-" + i))
        .build();
  }

  static String uetr(int i) {
    return String.format("%08x-1f7f-49de-aed0-16487c27b42d", i);
  }

  static Pacs008 pacs008(int transactions) {
    List<CreditTransfer> txs = new java.util.ArrayList<>();
    for (int i = 0; i < transactions; i++) txs.add(transfer(i));
    return Pacs008.of("MSG-RU-0001", NOW, SettlementInstruction.clearing(null), txs);
  }

  static Envelope envelope(IsoMessage m) {
    return Envelope.of(BusinessApplicationHeader.of("SABRRUMMXXX", "CBRFRUMMXXX", m.messageId(), m.type(), NOW), m);
  }

  /** Writes, then reads at the edge (XSD + rules). */
  static ReadResult roundTrip(IsoMessage m) {
    return Iso20022.read(Iso20022.write(envelope(m)));
  }
}
