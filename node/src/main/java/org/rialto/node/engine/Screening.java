package org.rialto.node.engine;

import java.util.ArrayList;
import java.util.List;
import org.rialto.compliance.screening.Party;
import org.rialto.compliance.screening.PartyRole;
import org.rialto.compliance.screening.Screener;
import org.rialto.compliance.screening.ScreeningHit;

/**
 * Sanctions screening of a payment's parties against this node's lists. Runs on the caller's
 * thread before the payment reaches the writer: screening is the expensive, parallel part, and
 * the writer only needs its verdict.
 *
 * @param hits the explanation of every hit (list, version, entry, names, words, score); empty
 *     when clear
 * @param lists the list versions used, e.g. "UN v1"
 */
public record Screening(List<String> hits, String lists) {
  /** At most this many explanations are kept per payment; the first ones are the strongest. */
  public static final int MAX_EXPLANATIONS = 10;

  public static final Screening NOT_SCREENED = new Screening(List.of(), "");

  public boolean clear() {
    return hits.isEmpty();
  }

  public static Screening of(Screener screener, String debtorName, String creditorName) {
    return of(screener, debtorName, null, creditorName, null);
  }

  /**
   * Screens the names with what the payment says about each party's country and date of birth,
   * so both nodes of a cross-border payment screen the same facts (the pacs.008 carries them).
   */
  public static Screening of(Screener screener, String debtorName, org.rialto.node.payment.PartyDetails debtor,
      String creditorName, org.rialto.node.payment.PartyDetails creditor) {
    if (screener == null) return NOT_SCREENED;
    var parties = new ArrayList<Party>(2);
    if (debtorName != null && !debtorName.isBlank()) parties.add(party(PartyRole.DEBTOR, debtorName, debtor));
    if (creditorName != null && !creditorName.isBlank()) parties.add(party(PartyRole.CREDITOR, creditorName, creditor));
    var versions = new StringBuilder();
    for (var v : screener.lists()) {
      if (versions.length() > 0) versions.append(", ");
      versions.append(v.listName()).append(" v").append(v.version());
    }
    if (parties.isEmpty()) return new Screening(List.of(), versions.toString());
    var result = screener.screen(parties);
    var explanations = new ArrayList<String>();
    for (ScreeningHit hit : result.hits()) {
      if (explanations.size() >= MAX_EXPLANATIONS) break;
      explanations.add(hit.explain());
    }
    for (String incomplete : result.incomplete()) {
      if (explanations.size() >= MAX_EXPLANATIONS) break;
      explanations.add("incomplete screening: " + incomplete);
    }
    return new Screening(explanations, versions.toString());
  }

  private static Party party(PartyRole role, String name, org.rialto.node.payment.PartyDetails d) {
    if (d == null) return Party.of(role, name);
    String country = d.countryOfResidence() != null ? d.countryOfResidence() : d.country();
    if (country != null && !org.rialto.compliance.lists.Countries.isIso2(country)) country = null;
    return new Party(role, name, country, d.birthDate() == null ? null : java.time.LocalDate.parse(d.birthDate()));
  }
}
