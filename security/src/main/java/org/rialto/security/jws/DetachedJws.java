package org.rialto.security.jws;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Iterator;
import java.util.Objects;
import java.util.Set;
import org.rialto.security.Crypto;

/**
 * Detached JWS over the exact body bytes with an unencoded payload (RFC 7515 appendix F, RFC
 * 7797). Compact form {@code BASE64URL(header) + ".." + BASE64URL(signature)}; the signing input
 * is {@code ASCII(BASE64URL(header)) || '.' || body}. The body is never re-serialised, so what was
 * signed is byte for byte what arrives.
 *
 * <p>Protected header: {@code {"alg", "b64": false, "crit": ["b64"], "kid", "iat", "mid"}}: the
 * signer's message id ({@code mid}) and signing time ({@code iat}, epoch seconds) are inside the
 * signature so a replay cannot change them. A signer whose signing key is not its TLS key (GOST)
 * adds {@code "x5c"}: its signing certificate, one element; the receiver judges that certificate
 * itself, never trusting it because it is in the header.
 */
public final class DetachedJws {
  /** Room for one signing certificate in x5c (a GOST certificate is about 1,000 characters). */
  public static final int MAX_HEADER_CHARS = 3072;
  public static final int MAX_JWS_CHARS = 4096;
  public static final int MAX_ID_CHARS = 128;
  private static final Set<String> HEADER_FIELDS = Set.of("alg", "b64", "crit", "kid", "iat", "mid", "x5c");
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  static {
    JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(4).maxStringLength(MAX_HEADER_CHARS).build());
  }

  private DetachedJws() {}

  /** The verified protected header. */
  public record Header(JwsAlgorithm algorithm, String kid, String messageId, Instant issuedAt) {}

  /**
   * Picks the key to verify with from the header's {@code kid} and its {@code x5c} certificate
   * (null when absent), before the signature is checked; throws {@link JwsException} to refuse.
   */
  @FunctionalInterface
  public interface KeySelector {
    PublicKey select(String kid, java.security.cert.X509Certificate x5c);
  }

  /** Signs {@code body}; returns the compact detached JWS to send alongside (e.g. header {@code X-JWS-Signature}). */
  public static String sign(byte[] body, PrivateKey key, JwsAlgorithm algorithm, String kid, String messageId, Instant issuedAt) {
    return sign(body, key, algorithm, kid, messageId, issuedAt, null);
  }

  /** The same, carrying the signing certificate in x5c when it is not the one of the TLS link. */
  public static String sign(byte[] body, PrivateKey key, JwsAlgorithm algorithm, String kid, String messageId, Instant issuedAt,
      java.security.cert.X509Certificate x5c) {
    Objects.requireNonNull(body, "body");
    requireId("kid", kid);
    requireId("mid", messageId);
    if (!algorithm.fits(key)) {
      throw new JwsException(JwsException.Reason.WRONG_KEY_FOR_ALGORITHM, algorithm.joseName + " cannot sign with a " + key.getAlgorithm() + " key");
    }
    // The header written directly (same fields in the same order as before, as JSON): building
    // it as a Jackson tree cost more than the native signature itself.
    StringBuilder h = new StringBuilder(160);
    h.append("{\"alg\":");
    appendJsonString(h, algorithm.joseName);
    h.append(",\"b64\":false,\"crit\":[\"b64\"],\"kid\":");
    appendJsonString(h, kid);
    h.append(",\"iat\":").append(issuedAt.getEpochSecond()).append(",\"mid\":");
    appendJsonString(h, messageId);
    if (x5c != null) {
      try {
        h.append(",\"x5c\":[\"").append(java.util.Base64.getEncoder().encodeToString(x5c.getEncoded())).append("\"]");
      } catch (java.security.cert.CertificateEncodingException e) {
        throw new IllegalArgumentException("cannot encode the signing certificate: " + e.getMessage(), e);
      }
    }
    h.append('}');
    String encodedHeader = Crypto.base64Url(h.toString().getBytes(StandardCharsets.UTF_8));
    try {
      Signature s = algorithm.signer(key, Crypto.random());
      s.update(encodedHeader.getBytes(StandardCharsets.US_ASCII));
      s.update((byte) '.');
      s.update(body);
      return encodedHeader + ".." + Crypto.base64Url(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with " + algorithm.joseName + ": " + e.getMessage(), e);
    }
  }

  /**
   * Verifies {@code jws} over {@code body} with the sender's key (from its certificate; never from
   * the header). Refuses a body changed after signing, an algorithm outside {@code allowed}, an
   * algorithm that does not fit the key, an unknown or "none" algorithm, a header without
   * {@code "crit":["b64"]} and {@code "b64":false}, and any unexpected header field.
   */
  public static Header verify(String jws, byte[] body, PublicKey senderKey, Set<JwsAlgorithm> allowed) {
    Objects.requireNonNull(senderKey, "senderKey");
    return verify(jws, body, (kid, x5c) -> senderKey, allowed);
  }

  /** The same with the key chosen by {@code keys} from the header's kid and x5c. */
  public static Header verify(String jws, byte[] body, KeySelector keys, Set<JwsAlgorithm> allowed) {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(keys, "keys");
    if (jws == null || jws.isEmpty() || jws.length() > MAX_JWS_CHARS) {
      throw new JwsException(JwsException.Reason.MALFORMED, "a detached JWS of 1.." + MAX_JWS_CHARS + " characters is required");
    }
    int dots = jws.indexOf("..");
    if (dots <= 0 || dots != jws.lastIndexOf('.') - 1 || jws.indexOf('.') != dots) {
      throw new JwsException(JwsException.Reason.MALFORMED, "not a detached compact JWS (header..signature)");
    }
    String encodedHeader = jws.substring(0, dots);
    String encodedSignature = jws.substring(dots + 2);
    if (encodedHeader.length() > MAX_HEADER_CHARS) {
      throw new JwsException(JwsException.Reason.MALFORMED, "protected header longer than " + MAX_HEADER_CHARS + " characters");
    }
    JsonNode h;
    byte[] signature;
    try {
      h = JSON.readTree(Crypto.fromBase64Url(encodedHeader));
      signature = Crypto.fromBase64Url(encodedSignature);
    } catch (IllegalArgumentException | java.io.IOException e) {
      throw new JwsException(JwsException.Reason.MALFORMED, "protected header or signature is not valid base64url JSON: " + e.getMessage());
    }
    if (h == null || !h.isObject()) {
      throw new JwsException(JwsException.Reason.MALFORMED, "protected header is not a JSON object");
    }
    for (Iterator<String> it = h.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!HEADER_FIELDS.contains(f)) {
        throw new JwsException(JwsException.Reason.MALFORMED, "unexpected protected header field \"" + f + "\"");
      }
    }
    JsonNode alg = h.get("alg");
    if (alg == null || !alg.isTextual()) {
      throw new JwsException(JwsException.Reason.MALFORMED, "protected header has no \"alg\"");
    }
    JwsAlgorithm algorithm =
        JwsAlgorithm.byJoseName(alg.asText())
            .orElseThrow(() -> new JwsException(JwsException.Reason.UNKNOWN_ALGORITHM, "algorithm \"" + alg.asText() + "\" is not supported"));
    if (!allowed.contains(algorithm)) {
      throw new JwsException(JwsException.Reason.ALGORITHM_NOT_ALLOWED, "algorithm " + algorithm.joseName + " is not allowed here");
    }
    JsonNode b64 = h.get("b64");
    JsonNode crit = h.get("crit");
    if (b64 == null || !b64.isBoolean() || b64.booleanValue()
        || crit == null || !crit.isArray() || crit.size() != 1 || !"b64".equals(crit.get(0).asText())) {
      throw new JwsException(JwsException.Reason.B64_NOT_CRITICAL,
          "the header must carry \"b64\": false and \"crit\": [\"b64\"] (RFC 7797); otherwise the payload would be read as base64url");
    }
    String kid = text(h, "kid");
    String mid = text(h, "mid");
    JsonNode iat = h.get("iat");
    if (iat == null || !iat.canConvertToLong() || !iat.isIntegralNumber()) {
      throw new JwsException(JwsException.Reason.MALFORMED, "protected header has no integral \"iat\"");
    }
    java.security.cert.X509Certificate x5c = null;
    JsonNode chain = h.get("x5c");
    if (chain != null) {
      if (!chain.isArray() || chain.size() != 1 || !chain.get(0).isTextual()) {
        throw new JwsException(JwsException.Reason.MALFORMED, "\"x5c\" must hold exactly one certificate (the signing one)");
      }
      try {
        x5c = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
            .generateCertificate(new java.io.ByteArrayInputStream(java.util.Base64.getDecoder().decode(chain.get(0).asText())));
      } catch (IllegalArgumentException | GeneralSecurityException e) {
        throw new JwsException(JwsException.Reason.MALFORMED, "\"x5c\" is not a base64 DER certificate: " + e.getMessage());
      }
    }
    PublicKey senderKey = keys.select(kid, x5c);
    if (!algorithm.fits(senderKey)) {
      throw new JwsException(JwsException.Reason.WRONG_KEY_FOR_ALGORITHM,
          "header says " + algorithm.joseName + " but the sender's key is " + senderKey.getAlgorithm());
    }
    boolean ok;
    try {
      Signature s = algorithm.verifier(senderKey);
      s.update(encodedHeader.getBytes(StandardCharsets.US_ASCII));
      s.update((byte) '.');
      s.update(body);
      ok = s.verify(signature);
    } catch (GeneralSecurityException e) {
      ok = false;
    }
    if (!ok) {
      throw new JwsException(JwsException.Reason.BAD_SIGNATURE, "signature does not match the body and the sender's key (body changed after signing, or another signer)");
    }
    return new Header(algorithm, kid, mid, Instant.ofEpochSecond(iat.longValue()));
  }

  /** {@code value} as a JSON string (RFC 8259): quote, backslash and control characters escaped. */
  static void appendJsonString(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }

  private static String text(JsonNode h, String field) {
    JsonNode n = h.get(field);
    if (n == null || !n.isTextual() || n.asText().isEmpty() || n.asText().length() > MAX_ID_CHARS) {
      throw new JwsException(JwsException.Reason.MALFORMED, "protected header needs \"" + field + "\" of 1.." + MAX_ID_CHARS + " characters");
    }
    return n.asText();
  }

  private static void requireId(String what, String id) {
    if (id == null || id.isEmpty() || id.length() > MAX_ID_CHARS) {
      throw new IllegalArgumentException(what + " must be 1.." + MAX_ID_CHARS + " characters");
    }
  }
}
