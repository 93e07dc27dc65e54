package org.rialto.iso20022;

import java.util.List;

/**
 * A reason with its originator and free text: status reasons (pacs.002), return reasons
 * (pacs.004), cancellation reasons (camt.056) and cancellation status reasons (camt.029) all have
 * this shape.
 */
public record ReasonInformation(Party originator, CodeOrProprietary reason, List<String> additionalInformation) {
  public ReasonInformation {
    additionalInformation = Check.list(additionalInformation, "additionalInformation");
    for (String s : additionalInformation) Check.requiredText(s, 105, "additional information");
  }

  public static ReasonInformation of(ReasonCode code) {
    return new ReasonInformation(null, CodeOrProprietary.code(code.name()), List.of());
  }

  /** A reason code with up to 105 characters of explanation (longer text is cut). */
  public static ReasonInformation of(ReasonCode code, String text) {
    return of(code.name(), text);
  }

  public static ReasonInformation of(String code, String text) {
    List<String> info = text == null || text.isEmpty() ? List.of() : List.of(text.length() > 105 ? text.substring(0, 105) : text);
    return new ReasonInformation(null, CodeOrProprietary.code(code), info);
  }

  /** From a validation finding: its code and its text. */
  public static ReasonInformation of(Finding finding) {
    return of(finding.code(), finding.path() + ": " + finding.text());
  }
}
