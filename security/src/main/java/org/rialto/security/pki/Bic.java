package org.rialto.security.pki;

import java.util.regex.Pattern;

/** A participant's identity as ISO 9362 spells it: 8 or 11 characters. */
public final class Bic {
  private static final Pattern BIC = Pattern.compile("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");

  private Bic() {}

  public static boolean isValid(String bic) {
    return bic != null && bic.length() <= 11 && BIC.matcher(bic).matches();
  }

  public static String require(String bic) {
    if (!isValid(bic)) {
      throw new IllegalArgumentException(
          "not a BIC (4 letters bank, 2 letters country, 2 location, optional 3 branch): " + bic);
    }
    return bic;
  }
}
