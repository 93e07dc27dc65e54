package org.rialto.iso20022;

import java.time.OffsetTime;

/**
 * Requested settlement times (SettlementTimeRequest2): CLS time, settle till, settle from, and
 * the reject time after which the payment must not settle.
 */
public record SettlementTimeRequest(OffsetTime clsTime, OffsetTime tillTime, OffsetTime fromTime, OffsetTime rejectTime) {}
