package org.rialto.compliance.aml;

import java.time.LocalDate;

/**
 * What the AML rules read about a payment party. Every field but {@code id} may be null when the
 * message does not carry it (FATF Recommendation 16 checks which are there).
 *
 * @param id a stable identifier of the party for velocity and structuring (customer id, LEI,
 *     or a normalised name plus account when nothing better exists)
 * @param name the name
 * @param account the account identifier (IBAN or other)
 * @param countryCode ISO 3166 alpha-2 country of residence or registration
 * @param address postal address in one line
 * @param nationalId national identity number
 * @param customerId the customer identification number at its bank
 * @param birthDate date of birth (persons)
 * @param birthPlace place of birth (persons)
 */
public record PartyView(String id, String name, String account, String countryCode, String address,
    String nationalId, String customerId, LocalDate birthDate, String birthPlace) {
  public static final int MAX_FIELD_CHARS = 512;

  public PartyView {
    if (id == null || id.isBlank() || id.length() > MAX_FIELD_CHARS) {
      throw new IllegalArgumentException("a party needs an id of 1.." + MAX_FIELD_CHARS + " chars");
    }
    for (String f : new String[] {name, account, countryCode, address, nationalId, customerId, birthPlace}) {
      if (f != null && f.length() > MAX_FIELD_CHARS) {
        throw new IllegalArgumentException("party field longer than " + MAX_FIELD_CHARS + " chars");
      }
    }
  }

  /** A party known by id, name, account and country only. */
  public static PartyView of(String id, String name, String account, String countryCode) {
    return new PartyView(id, name, account, countryCode, null, null, null, null, null);
  }

  static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}
