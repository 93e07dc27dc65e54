package org.rialto.fx;

import java.util.regex.Pattern;

/** BIC (ISO 9362) shape check: participants are named by BIC everywhere in Rialto. */
final class Bic {

  private static final Pattern BIC = Pattern.compile("[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?");

  private Bic() {}

  static String require(String bic, String what) {
    if (bic == null || !BIC.matcher(bic).matches()) {
      throw new IllegalArgumentException(what + " '" + bic + "' is not a BIC (8 or 11 "
          + "characters: 6 letters, then 2 or 5 letters or digits)");
    }
    return bic;
  }
}
