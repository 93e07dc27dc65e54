package org.rialto.iso20022;

/**
 * An identification under a named scheme (GenericOrganisationIdentification1,
 * GenericPersonIdentification1, GenericFinancialIdentification1, GenericAccountIdentification1):
 * e.g. a national identity number with scheme code NIDN, a tax id with TXID.
 *
 * @param scheme scheme name (code or proprietary), or null
 * @param issuer or null
 */
public record GenericId(String id, CodeOrProprietary scheme, String issuer) {
  public GenericId {
    Check.requiredText(id, 35, "id");
    Check.text(issuer, 35, "issuer");
  }

  public static GenericId of(String id, String schemeCode) {
    return new GenericId(id, schemeCode == null ? null : CodeOrProprietary.code(schemeCode), null);
  }
}
