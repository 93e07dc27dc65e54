package org.rialto.iso20022;

import java.time.OffsetDateTime;

/** When the debit and the credit took place (SettlementDateTimeIndication1). */
public record SettlementTimeIndication(OffsetDateTime debitDateTime, OffsetDateTime creditDateTime) {}
