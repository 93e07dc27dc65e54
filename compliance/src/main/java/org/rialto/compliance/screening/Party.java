package org.rialto.compliance.screening;

import java.time.LocalDate;
import org.rialto.compliance.lists.Countries;

/**
 * A name to screen and what the payment says about it.
 *
 * @param role the party's role in the payment
 * @param name the name as the payment carries it, in any script
 * @param countryCode ISO 3166 alpha-2 country of the party (residence, nationality or an agent's
 *     BIC country), or {@code null} when the payment does not say
 * @param birthDate the party's date of birth, or {@code null}
 */
public record Party(PartyRole role, String name, String countryCode, LocalDate birthDate) {
  public Party {
    if (role == null) {
      throw new IllegalArgumentException("party role is required");
    }
    if (name == null) {
      throw new IllegalArgumentException("party name is required (may be empty, not null) for " + role);
    }
    if (countryCode != null && !Countries.isIso2(countryCode)) {
      throw new IllegalArgumentException("party country must be an ISO 3166 alpha-2 code: " + countryCode);
    }
  }

  public static Party of(PartyRole role, String name) {
    return new Party(role, name, null, null);
  }
}
