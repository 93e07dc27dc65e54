package org.rialto.node.payment;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.rialto.compliance.aml.PartyView;
import org.rialto.iso20022.Account;
import org.rialto.iso20022.CodeOrProprietary;
import org.rialto.iso20022.DateAndPlaceOfBirth;
import org.rialto.iso20022.GenericId;
import org.rialto.iso20022.Party;
import org.rialto.iso20022.PartyId;
import org.rialto.iso20022.PostalAddress;

/**
 * What a bank told about one of its customers beyond the name, as FATF Recommendation 16 asks it
 * to travel with a wire transfer: the account (DbtrAcct / CdtrAcct), the postal address, the
 * country of residence and the identification (an organisation's LEI, BIC or other ids; a
 * person's date and place of birth or other ids: national identity number NIDN, customer number
 * CUST, passport CCPT…). A node carries it unchanged from the bank's submission into the pacs.008
 * it forwards, so the receiving node's AML rules judge what the sending node's judged.
 *
 * <p>Every value is checked here against what the ISO 20022 schema allows, whatever API it came
 * through: a value the peer's XSD would refuse would make every batch carrying it unwritable and
 * stop the link, so it is refused at the bank's door instead.
 *
 * @param iban the account as an IBAN, or null
 * @param accountId the account under another scheme (a national account number), or null
 * @param organisation whether the ids below identify an organisation (else a person)
 * @param ids other identifications, each {@code (id, scheme code, issuer)}
 */
public record PartyDetails(
    String iban,
    String accountId,
    String country,
    String townName,
    String postCode,
    String streetName,
    String buildingNumber,
    List<String> addressLines,
    String countryOfResidence,
    boolean organisation,
    String lei,
    String anyBic,
    String birthDate,
    String birthCity,
    String birthCountry,
    List<Ident> ids) {

  /** One identification under a scheme: code such as NIDN, CUST, CCPT, TXID; issuer optional. */
  public record Ident(String id, String scheme, String issuer) {
    public Ident {
      text(id, 35, "id", true);
      if (scheme != null && !CODE.matcher(scheme).matches()) throw new IllegalArgumentException("id scheme: a code of 1..4 letters, got '" + scheme + "'");
      text(issuer, 35, "id issuer", false);
    }
  }

  /** At most this many identifications per party (ISO allows unbounded; a payment needs few). */
  public static final int MAX_IDS = 4;

  private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[a-zA-Z0-9]{1,30}");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern LEI = Pattern.compile("[A-Z0-9]{18}[0-9]{2}");
  private static final Pattern BIC = Pattern.compile("[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");
  private static final Pattern CODE = Pattern.compile("[A-Z]{1,4}");

  public PartyDetails {
    if (iban != null && accountId != null) throw new IllegalArgumentException("an account is an IBAN or another id, not both");
    pattern(iban, IBAN, "iban");
    text(accountId, 34, "account", false);
    pattern(country, COUNTRY, "address country");
    text(townName, 35, "town", false);
    text(postCode, 16, "post code", false);
    text(streetName, 70, "street", false);
    text(buildingNumber, 16, "building number", false);
    addressLines = addressLines == null ? List.of() : List.copyOf(addressLines);
    if (addressLines.size() > 7) throw new IllegalArgumentException("at most 7 address lines");
    for (String line : addressLines) text(line, 70, "address line", true);
    pattern(countryOfResidence, COUNTRY, "country of residence");
    pattern(lei, LEI, "lei");
    pattern(anyBic, BIC, "anyBic");
    if (!organisation && (lei != null || anyBic != null)) throw new IllegalArgumentException("an LEI or a BIC identifies an organisation");
    if (birthDate != null || birthCity != null || birthCountry != null) {
      if (organisation) throw new IllegalArgumentException("a date and place of birth identify a person");
      if (birthDate == null || birthCity == null || birthCountry == null) {
        throw new IllegalArgumentException("a birth needs its date, city and country");
      }
      try {
        LocalDate.parse(birthDate);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("birth date: an ISO date such as 1980-04-01, got '" + birthDate + "'");
      }
      text(birthCity, 35, "birth city", true);
      pattern(birthCountry, COUNTRY, "birth country");
    }
    ids = ids == null ? List.of() : List.copyOf(ids);
    if (ids.size() > MAX_IDS) throw new IllegalArgumentException("at most " + MAX_IDS + " identifications per party");
  }

  private static void pattern(String value, Pattern p, String field) {
    if (value != null && !p.matcher(value).matches()) throw new IllegalArgumentException(field + ": not a valid value: '" + value + "'");
  }

  /** ISO Max<n>Text: 1..n characters XML 1.0 can carry, not blank. */
  private static void text(String value, int maxChars, String field, boolean required) {
    if (value == null) {
      if (required) throw new IllegalArgumentException(field + " is required");
      return;
    }
    if (value.isBlank() || value.length() > maxChars) throw new IllegalArgumentException(field + ": 1.." + maxChars + " characters");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) throw new IllegalArgumentException(field + ": a control character");
    }
  }

  public String account() {
    return iban != null ? iban : accountId;
  }

  private boolean hasAddress() {
    return country != null || townName != null || postCode != null || streetName != null || buildingNumber != null
        || !addressLines.isEmpty();
  }

  private boolean hasId() {
    return lei != null || anyBic != null || birthDate != null || !ids.isEmpty();
  }

  /** Whether the bank gave anything at all. */
  public boolean givesNothing() {
    return account() == null && !hasAddress() && countryOfResidence == null && !hasId();
  }

  // ---- ISO 20022 ----

  /** The details of {@code party} and its {@code account} as an ISO message carries them; null when there are none. */
  public static PartyDetails fromIso(Party party, Account account) {
    String iban = account == null ? null : account.iban();
    String accountId = account == null || account.other() == null ? null : account.other().id();
    PostalAddress a = party == null ? null : party.postalAddress();
    boolean organisation = party != null && party.id() instanceof PartyId.Organisation;
    String lei = null;
    String anyBic = null;
    String birthDate = null;
    String birthCity = null;
    String birthCountry = null;
    var ids = new ArrayList<Ident>();
    List<GenericId> others = List.of();
    switch (party == null ? null : party.id()) {
      case null -> {}
      case PartyId.Organisation o -> {
        lei = o.lei();
        anyBic = o.anyBic();
        others = o.others();
      }
      case PartyId.Person p -> {
        if (p.birth() != null) {
          birthDate = p.birth().birthDate().toString();
          birthCity = p.birth().city();
          birthCountry = p.birth().country();
        }
        others = p.others();
      }
    }
    for (GenericId g : others) {
      if (ids.size() == MAX_IDS) break;
      String scheme = g.scheme() == null ? null : g.scheme().code();
      ids.add(new Ident(g.id(), scheme != null && CODE.matcher(scheme).matches() ? scheme : null, g.issuer()));
    }
    var d = new PartyDetails(iban, accountId, a == null ? null : a.country(), a == null ? null : a.townName(),
        a == null ? null : a.postCode(), a == null ? null : a.streetName(), a == null ? null : a.buildingNumber(),
        a == null ? List.of() : a.addressLines(), party == null ? null : party.countryOfResidence(), organisation, lei, anyBic,
        birthDate, birthCity, birthCountry, ids);
    return d.givesNothing() ? null : d;
  }

  /** The party as a pacs.008 names it: {@code name} plus these details (either may be null). */
  public static Party party(String name, PartyDetails d) {
    if (d == null) return Party.of(name, null);
    PostalAddress address = d.hasAddress() ? new PostalAddress(null, null, null, d.streetName, d.buildingNumber, null, null, null,
        null, d.postCode, d.townName, null, null, null, d.country, d.addressLines) : null;
    PartyId id = null;
    if (d.hasId()) {
      var others = new ArrayList<GenericId>(d.ids.size());
      for (Ident i : d.ids) others.add(new GenericId(i.id(), i.scheme() == null ? null : CodeOrProprietary.code(i.scheme()), i.issuer()));
      id = d.organisation ? new PartyId.Organisation(d.anyBic, d.lei, others)
          : new PartyId.Person(d.birthDate == null ? null
              : new DateAndPlaceOfBirth(LocalDate.parse(d.birthDate), null, d.birthCity, d.birthCountry), others);
    }
    return new Party(name, address, id, d.countryOfResidence, null);
  }

  /** DbtrAcct / CdtrAcct, or null. */
  public static Account account(PartyDetails d) {
    if (d == null || d.account() == null) return null;
    return d.iban != null ? Account.iban(d.iban) : Account.other(d.accountId);
  }

  // ---- What the AML rules read ----

  /**
   * The party as the AML rules read it. National id: a person's id under any scheme but CUST;
   * customer id: a CUST id, or any id of an organisation (its LEI, BIC or registry id), which
   * identifies it as R16 asks, as the ISO edge's rule does.
   */
  public static PartyView view(String subjectId, String name, PartyDetails d) {
    if (d == null) return PartyView.of(subjectId, name, null, null);
    String nationalId = null;
    String customerId = null;
    for (Ident i : d.ids) {
      if ("CUST".equals(i.scheme()) || d.organisation) {
        if (customerId == null) customerId = i.id();
      } else if (nationalId == null) {
        nationalId = i.id();
      }
    }
    if (customerId == null && d.organisation) customerId = d.lei != null ? d.lei : d.anyBic;
    return new PartyView(subjectId, name, d.account(), d.country != null ? d.country : d.countryOfResidence, addressLine(d),
        nationalId, customerId, d.birthDate == null ? null : LocalDate.parse(d.birthDate), d.birthCity);
  }

  /**
   * The address in one line, or null when it does not locate the party as R16 asks (a country
   * and a town, or address lines), the same test as the ISO edge's.
   */
  private static String addressLine(PartyDetails d) {
    if (!((d.country != null && d.townName != null) || !d.addressLines.isEmpty())) return null;
    var parts = new ArrayList<String>();
    if (d.streetName != null) parts.add(d.buildingNumber == null ? d.streetName : d.streetName + " " + d.buildingNumber);
    parts.addAll(d.addressLines);
    if (d.postCode != null || d.townName != null) {
      parts.add(((d.postCode == null ? "" : d.postCode + " ") + (d.townName == null ? "" : d.townName)).strip());
    }
    if (d.country != null) parts.add(d.country);
    String line = String.join(", ", parts);
    return line.length() > PartyView.MAX_FIELD_CHARS ? line.substring(0, PartyView.MAX_FIELD_CHARS) : line;
  }
}
