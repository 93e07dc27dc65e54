package org.rialto.security.operators;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import org.rialto.security.Crypto;

/**
 * A console session. Only SHA-256 digests of the session token and of the CSRF token are stored;
 * the tokens themselves (32 random bytes each) are handed to the browser once, in
 * {@link Issued}. The session token goes in an HttpOnly, Secure, SameSite=Strict cookie; the CSRF
 * token in the page, sent back in a header or form field with every state-changing request.
 */
public record Session(byte[] tokenSha256, String operator, byte[] csrfSha256, Instant createdAt, Instant expiresAt) {
  public static final int TOKEN_BYTES = 32;
  public static final int MAX_TOKEN_CHARS = 64;

  public Session {
    Objects.requireNonNull(operator, "operator");
    if (tokenSha256.length != 32 || csrfSha256.length != 32 || !expiresAt.isAfter(createdAt)) {
      throw new IllegalArgumentException("malformed session");
    }
  }

  /** A new session with its two secrets, which exist only here and in the browser. */
  public record Issued(Session session, String token, String csrfToken) {}

  public static Issued issue(String operator, Instant now, LoginPolicy policy) {
    String token = Crypto.base64Url(Crypto.randomBytes(TOKEN_BYTES));
    String csrf = Crypto.base64Url(Crypto.randomBytes(TOKEN_BYTES));
    return new Issued(new Session(digest(token), operator, digest(csrf), now, now.plus(policy.sessionTtl())), token, csrf);
  }

  public static byte[] digest(String token) {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
      throw new AccessDeniedException("no valid session token");
    }
    return Crypto.sha256(token.getBytes(StandardCharsets.US_ASCII));
  }

  public boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /** Throws unless {@code presented} is this session's CSRF token (constant-time). */
  public void requireCsrf(String presented) {
    byte[] d;
    try {
      d = digest(presented);
    } catch (AccessDeniedException e) {
      throw new AccessDeniedException("missing CSRF token");
    }
    if (!Crypto.constantTimeEquals(d, csrfSha256)) {
      throw new AccessDeniedException("CSRF token does not match the session");
    }
  }
}
