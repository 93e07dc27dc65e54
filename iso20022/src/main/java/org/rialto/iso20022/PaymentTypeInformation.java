package org.rialto.iso20022;

import java.util.List;

/**
 * Payment type information (PaymentTypeInformation28, and 27 which adds the sequence type).
 *
 * @param sequenceType SeqTp, only in original-transaction references (type 27), else null
 */
public record PaymentTypeInformation(
    Priority instructionPriority,
    ClearingChannel clearingChannel,
    List<CodeOrProprietary> serviceLevels,
    CodeOrProprietary localInstrument,
    String sequenceType,
    CodeOrProprietary categoryPurpose) {
  public PaymentTypeInformation {
    serviceLevels = Check.list(serviceLevels, "serviceLevels");
  }

  public static PaymentTypeInformation of(Priority priority, String serviceLevelCode) {
    return new PaymentTypeInformation(priority, null,
        serviceLevelCode == null ? List.of() : List.of(CodeOrProprietary.code(serviceLevelCode)), null, null, null);
  }
}
