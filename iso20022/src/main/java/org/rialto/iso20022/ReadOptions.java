package org.rialto.iso20022;

import java.time.Instant;
import java.util.Objects;

/**
 * How much a read checks.
 *
 * @param schemaValidation validate against the official XSD in the same pass as the parse (on at
 *     the edges; off on an internal path whose input this node wrote or validated before)
 * @param businessRules apply the business rules (currency, amounts, BIC, IBAN, LEI, UETR, counts,
 *     dates, FATF Recommendation 16)
 * @param limits size, depth, count and length bounds
 * @param referenceTime when non-null, creation date-times more than a day after it, or settlement
 *     dates far from it, are reported (DT01); the caller passes its clock so validation stays
 *     deterministic
 */
public record ReadOptions(boolean schemaValidation, boolean businessRules, Limits limits, Instant referenceTime) {
  /** For input from banks and peers: schema and business rules. */
  public static final ReadOptions EDGE = new ReadOptions(true, true, Limits.DEFAULT, null);
  /** Business rules without the XSD, for messages this node already validated or wrote. */
  public static final ReadOptions INTERNAL = new ReadOptions(false, true, Limits.DEFAULT, null);
  /** Parse only: no XSD, no business rules. Hostile-input limits still apply. */
  public static final ReadOptions PARSE_ONLY = new ReadOptions(false, false, Limits.DEFAULT, null);

  public ReadOptions {
    Objects.requireNonNull(limits, "limits");
  }

  public ReadOptions withSchemaValidation(boolean on) {
    return new ReadOptions(on, businessRules, limits, referenceTime);
  }

  public ReadOptions withBusinessRules(boolean on) {
    return new ReadOptions(schemaValidation, on, limits, referenceTime);
  }

  public ReadOptions withLimits(Limits newLimits) {
    return new ReadOptions(schemaValidation, businessRules, newLimits, referenceTime);
  }

  public ReadOptions withReferenceTime(Instant time) {
    return new ReadOptions(schemaValidation, businessRules, limits, time);
  }
}
