package org.rialto.iso20022;

/**
 * A party: debtor, creditor, ultimate parties, initiating party (PartyIdentification135).
 *
 * @param contactDetails CtctDtls, kept untyped, or null
 */
public record Party(String name, PostalAddress postalAddress, PartyId id, String countryOfResidence, XmlElement contactDetails) {
  public Party {
    Check.text(name, 140, "party name");
    if (countryOfResidence != null && countryOfResidence.length() != 2) {
      throw new IllegalArgumentException("country of residence must have 2 letters: " + countryOfResidence);
    }
  }

  public static Party of(String name, PostalAddress address) {
    return new Party(name, address, null, null, null);
  }

  public static Party of(String name, PostalAddress address, PartyId id) {
    return new Party(name, address, id, null, null);
  }
}
