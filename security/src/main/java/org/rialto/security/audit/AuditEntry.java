package org.rialto.security.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * What happened, as the caller states it. {@code details} is a JSON object (stored and hashed as
 * the exact text given). Time is passed in: the log has no clock of its own.
 */
public record AuditEntry(Instant time, String actor, String action, String subject, String detailsJson) {
  public static final int MAX_FIELD_CHARS = 256;
  public static final int MAX_DETAILS_CHARS = 16_384;

  public AuditEntry {
    Objects.requireNonNull(time, "time");
    requireField("actor", actor);
    requireField("action", action);
    requireField("subject", subject);
    if (detailsJson == null || detailsJson.length() > MAX_DETAILS_CHARS || !detailsJson.strip().startsWith("{")) {
      throw new IllegalArgumentException("details must be a JSON object of at most " + MAX_DETAILS_CHARS + " characters");
    }
  }

  private static void requireField(String name, String value) {
    if (value == null || value.isEmpty() || value.length() > MAX_FIELD_CHARS) {
      throw new IllegalArgumentException("audit " + name + " must be 1.." + MAX_FIELD_CHARS + " characters");
    }
  }
}
