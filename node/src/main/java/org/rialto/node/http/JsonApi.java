package org.rialto.node.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rialto.node.engine.NodeEngine;
import org.rialto.node.payment.PartyDetails;
import org.rialto.node.rtgs.Priority;

/**
 * Turns the JSON form of a payment into engine instructions. Strict: unknown shapes, missing
 * fields, bad amounts and bad ids are refused with the field named, before the node is asked.
 */
final class JsonApi {
  /** A request body that must be one JSON object; anything else is the caller's FF01, never a 500. */
  static com.fasterxml.jackson.databind.node.ObjectNode readObject(ObjectMapper json, byte[] body) {
    try {
      var node = json.readTree(body);
      if (node == null || !node.isObject()) throw new BadRequest("FF01", "body must be a JSON object");
      return (com.fasterxml.jackson.databind.node.ObjectNode) node;
    } catch (BadRequest e) {
      throw e;
    } catch (Exception e) {
      throw new BadRequest("FF01", "body is not JSON: " + e.getMessage());
    }
  }

  /** A JSON batch is bounded like a pacs.008 is: a request must fit one writer turn comfortably. */
  static final int MAX_PAYMENTS_PER_REQUEST = 1_000;
  static final int MAX_TEXT_CHARS = 140;

  private JsonApi() {}

  record Parsed(String msgId, String messageHash, List<NodeEngine.Instruction> instructions) {}

  static final class BadRequest extends RuntimeException {
    final String reasonCode;

    BadRequest(String reasonCode, String message) {
      super(message, null, false, false);
      this.reasonCode = reasonCode;
    }
  }

  static Parsed parsePayments(ObjectMapper json, byte[] body, int minorUnits) {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (Exception e) {
      throw new BadRequest("FF01", "body is not JSON: " + e.getMessage());
    }
    if (root == null || !root.isObject()) throw new BadRequest("FF01", "body must be a JSON object");
    List<JsonNode> items = new ArrayList<>();
    String msgId;
    if (root.has("payments")) {
      JsonNode arr = root.get("payments");
      if (!arr.isArray() || arr.isEmpty()) throw new BadRequest("FF01", "payments: a non-empty array");
      if (arr.size() > MAX_PAYMENTS_PER_REQUEST) throw new BadRequest("FF01", "payments: at most " + MAX_PAYMENTS_PER_REQUEST);
      arr.forEach(items::add);
      msgId = text(root, "msgId", true);
    } else {
      items.add(root);
      msgId = text(root, "msgId", false);
      if (msgId == null) msgId = text(root, "uetr", true);
    }
    var instructions = new ArrayList<NodeEngine.Instruction>(items.size());
    var digest = sha256();
    for (int i = 0; i < items.size(); i++) {
      JsonNode p = items.get(i);
      String at = items.size() == 1 && !root.has("payments") ? "" : "payments[" + i + "].";
      try {
        var instruction = parseOne(p, minorUnits);
        instructions.add(instruction);
        digest.update(instruction.contentHash().getBytes(StandardCharsets.US_ASCII));
      } catch (BadRequest e) {
        throw new BadRequest(e.reasonCode, at + e.getMessage());
      }
    }
    return new Parsed(msgId, HexFormat.of().formatHex(digest.digest()), instructions);
  }

  private static NodeEngine.Instruction parseOne(JsonNode p, int minorUnits) {
    if (!p.isObject()) throw new BadRequest("FF01", "a payment is a JSON object");
    UUID uetr = uuidV4(text(p, "uetr", true));
    String debtorAgent = bic(text(p, "debtorAgent", true), "debtorAgent");
    String creditorAgent = bic(text(p, "creditorAgent", true), "creditorAgent");
    String currency = text(p, "currency", true);
    if (!isCurrencyCode(currency)) throw new BadRequest("AM03", "currency: an ISO 4217 code");
    long amountMinor = amountMinor(text(p, "amount", true), minorUnits);
    Priority priority = Priority.NORMAL;
    String pr = text(p, "priority", false);
    if (pr != null) {
      try {
        priority = Priority.valueOf(pr);
      } catch (IllegalArgumentException e) {
        throw new BadRequest("FF01", "priority: URGENT, HIGH or NORMAL");
      }
    }
    long rejectAtMillis = 0;
    String rt = text(p, "rejectTime", false);
    if (rt != null) {
      try {
        rejectAtMillis = Instant.parse(rt).toEpochMilli();
      } catch (Exception e) {
        throw new BadRequest("FF01", "rejectTime: an ISO 8601 instant such as 2026-11-23T15:00:00Z");
      }
    }
    String e2e = text(p, "endToEndId", false);
    String debtorName = name(p, "debtor");
    String creditorName = name(p, "creditor");
    PartyDetails debtorDetails = details(p, "debtor");
    PartyDetails creditorDetails = details(p, "creditor");
    String remittance = text(p, "remittance", false);
    String quoteId = text(p, "quoteId", false);
    String hash = hashOf(withDetails(debtorDetails, creditorDetails, uetr, e2e, debtorAgent, creditorAgent, amountMinor,
        currency, priority, rejectAtMillis, debtorName, creditorName, remittance, quoteId));
    return new NodeEngine.Instruction(uetr, e2e == null ? "NOTPROVIDED" : e2e, debtorAgent, creditorAgent,
        amountMinor, currency, priority, rejectAtMillis, debtorName, creditorName, remittance, quoteId, hash, debtorDetails,
        creditorDetails);
  }

  /**
   * The fields a content hash covers, with the parties' details when a bank gave any: without
   * them the hash is what it was before details existed, so a bank resending a payment it sent
   * then is answered as before, not refused as a duplicate.
   */
  static Object[] withDetails(PartyDetails debtor, PartyDetails creditor, Object... fields) {
    if (debtor == null && creditor == null) return fields;
    Object[] all = java.util.Arrays.copyOf(fields, fields.length + 2);
    all[fields.length] = debtor;
    all[fields.length + 1] = creditor;
    return all;
  }

  private static final java.util.Set<String> PARTY_FIELDS = java.util.Set.of("name", "account", "iban", "address",
      "countryOfResidence", "organisation", "lei", "bic", "birth", "ids");
  private static final java.util.Set<String> ADDRESS_FIELDS = java.util.Set.of("street", "buildingNumber", "postCode", "town",
      "country", "lines");

  /**
   * A party's FATF R16 details beyond its name, as the pacs.008 would carry them: {@code account}
   * (or {@code iban}), {@code address} ({@code street, buildingNumber, postCode, town, country,
   * lines}), {@code countryOfResidence}, and identification: {@code lei} and {@code bic} (an
   * organisation), {@code birth} ({@code date, city, country}: a person), {@code ids} ({@code
   * [{id, scheme, issuer}]}, scheme a code such as NIDN or CUST), {@code organisation} (whether
   * the ids name an organisation). Null when the party object has its name only.
   */
  private static PartyDetails details(JsonNode p, String party) {
    JsonNode n = p.get(party);
    if (n == null || !n.isObject()) return null;
    for (var it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!PARTY_FIELDS.contains(f)) throw new BadRequest("FF01", party + "." + f + ": unknown; a party has " + PARTY_FIELDS);
    }
    try {
      JsonNode a = n.get("address");
      List<String> lines = new ArrayList<>();
      if (a != null && !a.isNull()) {
        if (!a.isObject()) throw new IllegalArgumentException("address: an object");
        for (var it = a.fieldNames(); it.hasNext(); ) {
          String f = it.next();
          if (!ADDRESS_FIELDS.contains(f)) throw new IllegalArgumentException("address." + f + ": unknown; an address has " + ADDRESS_FIELDS);
        }
        JsonNode l = a.get("lines");
        if (l != null && !l.isNull()) {
          if (!l.isArray() || l.size() > 7) throw new IllegalArgumentException("address.lines: an array of at most 7 strings");
          for (JsonNode line : l) {
            if (!line.isTextual()) throw new IllegalArgumentException("address.lines: strings");
            lines.add(line.asText());
          }
        }
      } else {
        a = null;
      }
      JsonNode b = n.get("birth");
      if (b != null && b.isNull()) b = null;
      if (b != null && !b.isObject()) throw new IllegalArgumentException("birth: an object with date, city and country");
      var ids = new ArrayList<PartyDetails.Ident>();
      JsonNode idsNode = n.get("ids");
      if (idsNode != null && !idsNode.isNull()) {
        if (!idsNode.isArray() || idsNode.size() > PartyDetails.MAX_IDS) {
          throw new IllegalArgumentException("ids: an array of at most " + PartyDetails.MAX_IDS + " objects");
        }
        for (JsonNode i : idsNode) {
          if (!i.isObject()) throw new IllegalArgumentException("ids: objects with id, scheme and issuer");
          ids.add(new PartyDetails.Ident(text(i, "id", true), text(i, "scheme", false), text(i, "issuer", false)));
        }
      }
      JsonNode org = n.get("organisation");
      if (org != null && !org.isNull() && !org.isBoolean()) throw new IllegalArgumentException("organisation: true or false");
      String lei = text(n, "lei", false);
      String bic = text(n, "bic", false);
      boolean organisation = org != null && org.asBoolean() || lei != null || bic != null;
      var d = new PartyDetails(text(n, "iban", false), text(n, "account", false), a == null ? null : text(a, "country", false),
          a == null ? null : text(a, "town", false), a == null ? null : text(a, "postCode", false),
          a == null ? null : text(a, "street", false), a == null ? null : text(a, "buildingNumber", false), lines,
          text(n, "countryOfResidence", false), organisation, lei, bic, b == null ? null : text(b, "date", false),
          b == null ? null : text(b, "city", false), b == null ? null : text(b, "country", false), ids);
      return d.givesNothing() ? null : d;
    } catch (IllegalArgumentException e) {
      throw new BadRequest("FF01", party + ": " + e.getMessage());
    }
  }

  static String hashOf(Object... fields) {
    var d = sha256();
    for (Object f : fields) {
      d.update(String.valueOf(f).getBytes(StandardCharsets.UTF_8));
      d.update((byte) 0);
    }
    return HexFormat.of().formatHex(d.digest());
  }

  private static String name(JsonNode p, String party) {
    JsonNode n = p.get(party);
    if (n == null || n.isNull()) return null;
    if (!n.isObject()) throw new BadRequest("FF01", party + ": an object with a name");
    return text(n, "name", false);
  }

  static String text(JsonNode node, String field, boolean required) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      if (required) throw new BadRequest("FF01", field + ": required");
      return null;
    }
    if (!v.isTextual()) throw new BadRequest("FF01", field + ": must be a string");
    String s = v.asText();
    if (s.length() > MAX_TEXT_CHARS) throw new BadRequest("FF01", field + ": at most " + MAX_TEXT_CHARS + " characters");
    if (required && s.isBlank()) throw new BadRequest("FF01", field + ": must not be blank");
    return s;
  }

  static UUID uuidV4(String s) {
    try {
      UUID u = UUID.fromString(s);
      if (u.version() != 4 || !u.toString().equalsIgnoreCase(s)) throw new IllegalArgumentException();
      return u;
    } catch (IllegalArgumentException e) {
      throw new BadRequest("FF01", "uetr: a UUID version 4 (RFC 4122), got '" + s + "'");
    }
  }

  static String bic(String s, String field) {
    if (!isBic(s)) {
      throw new BadRequest("RC01", field + ": a BIC (ISO 9362), got '" + s + "'");
    }
    return s;
  }

  /*
   * The format checks below run for every payment on the hot path; String.matches compiles its
   * regex at each call, which cost more than the rest of a payment's parsing. Hand-written,
   * they say the same as [A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})? and [A-Z]{3}.
   */

  /** A BIC (ISO 9362): institution and country letters, then location and optional branch. */
  static boolean isBic(String s) {
    int n = s.length();
    if (n != 8 && n != 11) return false;
    for (int i = 0; i < 6; i++) {
      if (!isUpperLetter(s.charAt(i))) return false;
    }
    for (int i = 6; i < n; i++) {
      char c = s.charAt(i);
      if (!isUpperLetter(c) && !(c >= '0' && c <= '9')) return false;
    }
    return true;
  }

  static boolean isCurrencyCode(String s) {
    return s.length() == 3 && isUpperLetter(s.charAt(0)) && isUpperLetter(s.charAt(1)) && isUpperLetter(s.charAt(2));
  }

  private static boolean isUpperLetter(char c) {
    return c >= 'A' && c <= 'Z';
  }

  static long amountMinor(String s, int minorUnits) {
    BigDecimal v;
    try {
      v = new BigDecimal(s);
    } catch (NumberFormatException e) {
      throw new BadRequest("AM12", "amount: a decimal such as 1500.00, got '" + s + "'");
    }
    if (v.signum() <= 0) throw new BadRequest("AM01", "amount: must be greater than zero");
    if (v.stripTrailingZeros().scale() > minorUnits) {
      throw new BadRequest("AM12", "amount: at most " + minorUnits + " decimals for this currency");
    }
    BigDecimal minor = v.movePointRight(minorUnits).setScale(0, RoundingMode.UNNECESSARY);
    if (minor.compareTo(BigDecimal.valueOf(999_999_999_999_999_999L)) > 0) throw new BadRequest("AM02", "amount: too large");
    return minor.longValueExact();
  }

  static Map<String, Object> error(String reasonCode, String message) {
    var m = new LinkedHashMap<String, Object>();
    m.put("error", message);
    m.put("reasonCode", reasonCode);
    return m;
  }

  /** A fresh SHA-256 digest: every payment's content hash needs one. */
  static MessageDigest sha256() {
    return org.rialto.security.Crypto.newSha256();
  }

  static void respondError(Context ctx, int status, String reasonCode, String message) {
    ctx.status(status).json(error(reasonCode, message));
  }
}
