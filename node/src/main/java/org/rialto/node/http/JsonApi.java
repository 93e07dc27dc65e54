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
    String remittance = text(p, "remittance", false);
    String quoteId = text(p, "quoteId", false);
    String hash = hashOf(uetr, e2e, debtorAgent, creditorAgent, amountMinor, currency, priority, rejectAtMillis,
        debtorName, creditorName, remittance, quoteId);
    return new NodeEngine.Instruction(uetr, e2e == null ? "NOTPROVIDED" : e2e, debtorAgent, creditorAgent,
        amountMinor, currency, priority, rejectAtMillis, debtorName, creditorName, remittance, quoteId, hash);
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

  /**
   * A fresh SHA-256 digest. Cloned from one looked up once: every payment's content hash needs
   * one, and the provider lookup of MessageDigest.getInstance costs more than hashing the fields.
   */
  static MessageDigest sha256() {
    try {
      return (MessageDigest) SHA256_PROTOTYPE.clone();
    } catch (CloneNotSupportedException e) {
      try {
        return MessageDigest.getInstance("SHA-256");
      } catch (java.security.NoSuchAlgorithmException never) {
        throw new IllegalStateException("SHA-256 is part of every JDK", never);
      }
    }
  }

  private static final MessageDigest SHA256_PROTOTYPE;

  static {
    try {
      SHA256_PROTOTYPE = MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  static void respondError(Context ctx, int status, String reasonCode, String message) {
    ctx.status(status).json(error(reasonCode, message));
  }
}
