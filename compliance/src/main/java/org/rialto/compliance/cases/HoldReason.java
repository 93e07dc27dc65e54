package org.rialto.compliance.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rialto.compliance.aml.AmlHit;
import org.rialto.compliance.aml.AmlResult;
import org.rialto.compliance.screening.ScreeningHit;
import org.rialto.compliance.screening.ScreeningResult;

/**
 * Why a payment was held, with the evidence an operator judges.
 *
 * @param kind a sanctions hit, an AML rule hit, or a screening that could not cover a name
 * @param source the list and version ("UN v3") or the rule id
 * @param reference the list entry id, or the AML rule type
 * @param evidence the explanation in words
 */
public record HoldReason(Kind kind, String source, String reference, String evidence) {
  public static final int MAX_EVIDENCE_CHARS = 4096;

  public enum Kind { SANCTIONS, AML, INCOMPLETE_SCREENING }

  public HoldReason {
    if (kind == null || source == null || source.isBlank() || reference == null || evidence == null || evidence.isBlank()) {
      throw new IllegalArgumentException("a hold reason needs a kind, a source, a reference and evidence");
    }
    if (evidence.length() > MAX_EVIDENCE_CHARS) {
      evidence = evidence.substring(0, MAX_EVIDENCE_CHARS - 3) + "...";
    }
  }

  /** The reasons to hold, from a screening and an AML assessment (FLAG-only AML hits included). */
  public static List<HoldReason> from(ScreeningResult screening, AmlResult aml) {
    List<HoldReason> out = new ArrayList<>();
    if (screening != null) {
      for (ScreeningHit h : screening.hits()) {
        out.add(new HoldReason(Kind.SANCTIONS, h.listName() + " v" + h.listVersion(), h.entryId(), h.explain()));
      }
      for (String i : screening.incomplete()) {
        out.add(new HoldReason(Kind.INCOMPLETE_SCREENING, "screening", "incomplete", i));
      }
    }
    if (aml != null) {
      for (AmlHit h : aml.hits()) {
        out.add(new HoldReason(Kind.AML, h.ruleId(), h.type().name(),
            h.action().name().toLowerCase(Locale.ROOT) + ": " + h.evidence()));
      }
    }
    return out;
  }
}
