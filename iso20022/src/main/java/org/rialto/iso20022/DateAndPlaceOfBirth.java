package org.rialto.iso20022;

import java.time.LocalDate;

/** A person's date and place of birth (DateAndPlaceOfBirth1); province is optional. */
public record DateAndPlaceOfBirth(LocalDate birthDate, String province, String city, String country) {
  public DateAndPlaceOfBirth {
    Check.required(birthDate, "birthDate");
    Check.text(province, 35, "province");
    Check.requiredText(city, 35, "city");
    Check.required(country, "country");
    if (country.length() != 2) throw new IllegalArgumentException("country must have 2 letters: " + country);
  }
}
