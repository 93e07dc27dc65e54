package org.rialto.node.operators;

import org.rialto.security.operators.AccessDeniedException;
import org.rialto.security.operators.Operator;
import org.rialto.security.operators.Role;
import org.rialto.security.operators.Session;

/**
 * An authenticated operator for the length of one request: the account as it is now and the
 * session it came with.
 *
 * @param viaCookie true when the browser's session cookie authenticated the request: every
 *     change then also needs the session's CSRF token
 */
public record Principal(Operator operator, Session session, boolean viaCookie) {
  public String name() {
    return operator.name();
  }

  public Role role() {
    return operator.role();
  }

  /** Throws {@link AccessDeniedException} unless this operator holds at least {@code required}. */
  public Principal require(Role required) {
    operator.require(required);
    return this;
  }

  public void requireCsrf(String presented) {
    if (viaCookie) session.requireCsrf(presented);
  }

  public boolean may(Role role) {
    return !operator.disabled() && operator.role().atLeast(role);
  }
}
