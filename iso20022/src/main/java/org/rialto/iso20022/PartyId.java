package org.rialto.iso20022;

import java.util.List;

/** How a party is identified (Party38Choice): as an organisation or as a person. */
public sealed interface PartyId {
  /** OrganisationIdentification29: a BIC, an LEI and/or other identifiers (tax id, registry). */
  record Organisation(String anyBic, String lei, List<GenericId> others) implements PartyId {
    public Organisation {
      others = Check.list(others, "others");
    }
  }

  /**
   * PersonIdentification13: date and place of birth and/or other identifiers (national identity
   * number NIDN, passport CCPT, tax id TXID, customer number CUST, ...).
   */
  record Person(DateAndPlaceOfBirth birth, List<GenericId> others) implements PartyId {
    public Person {
      others = Check.list(others, "others");
    }
  }

  static PartyId lei(String lei) {
    return new Organisation(null, lei, List.of());
  }

  static PartyId nationalId(String id) {
    return new Person(null, List.of(GenericId.of(id, "NIDN")));
  }

  static PartyId birth(DateAndPlaceOfBirth birth) {
    return new Person(birth, List.of());
  }
}
