package org.rialto.iso20022;

import java.util.Objects;

/**
 * One problem found in a message: the ISO 20022 reason code a status report (pacs.002, admi.002)
 * should carry, where it is (an XPath-like location such as
 * {@code /Document/FIToFICstmrCdtTrf/CdtTrfTxInf[2]/DbtrAcct/Id/IBAN}) and a sentence for people.
 */
public record Finding(ReasonCode code, String path, String text) {
  public Finding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(text, "text");
  }

  @Override
  public String toString() {
    return code.name() + " " + path + ": " + text;
  }
}
