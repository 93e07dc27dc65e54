package org.rialto.node.operators;

import java.util.UUID;
import org.rialto.node.engine.NodeEngine;
import org.rialto.node.engine.RejectException;
import org.rialto.security.operators.ActionKind;
import org.rialto.security.operators.Role;

/**
 * Compliance-case decisions by signed-in operators. Releasing a held payment takes two different
 * people: an operator approves first, a supervisor (another person) confirms; the writer checks
 * both the roles and the names against the case as it stands at that instant. Rejecting takes one
 * operator.
 */
public final class Cases {
  public static final int MAX_REASON_CHARS = 500;

  private final NodeEngine engine;

  public Cases(NodeEngine engine) {
    this.engine = engine;
  }

  /** @return "awaiting-second-operator" or "released" */
  public String release(Principal p, UUID uetr, String reason) {
    p.require(ActionKind.RELEASE_HELD_PAYMENT.proposer);
    String why = reason(reason);
    return OperatorAccess.await(engine.operators(t -> {
      if (!t.claim("case:" + uetr)) throw new RejectException("NARR", "case " + uetr + " is being decided: retry");
      var hold = t.hold(uetr).filter(h -> h.decision() == null)
          .orElseThrow(() -> new RejectException("NOOR", "no open case for " + uetr));
      if (hold.firstApprover() != null) {
        if (hold.firstApprover().equals(p.name())) {
          throw new RejectException("AG01", "dual control: " + p.name() + " already approved this release; another operator must confirm");
        }
        if (!p.may(ActionKind.RELEASE_HELD_PAYMENT.approver)) {
          throw new RejectException("AG01", "operator " + p.name() + " is " + p.role() + "; confirming a release needs "
              + ActionKind.RELEASE_HELD_PAYMENT.approver + " or above");
        }
      }
      return t.releaseHold(uetr, p.name(), why);
    }));
  }

  public void reject(Principal p, UUID uetr, String reasonCode, String reason) {
    p.require(Role.OPERATOR);
    String code = reasonCode == null || reasonCode.isBlank() ? "RR04" : reasonCode.strip();
    if (!code.matches("[A-Z0-9]{4}")) throw new RejectException("FF01", "reason code: a 4-character ISO code such as RR04");
    String why = reason(reason);
    OperatorAccess.await(engine.operators(t -> {
      if (!t.claim("case:" + uetr)) throw new RejectException("NARR", "case " + uetr + " is being decided: retry");
      t.hold(uetr).filter(h -> h.decision() == null).orElseThrow(() -> new RejectException("NOOR", "no open case for " + uetr));
      t.rejectHold(uetr, p.name(), code, why);
      return null;
    }));
  }

  private static String reason(String reason) {
    if (reason == null || reason.isBlank()) throw new RejectException("FF01", "a reason is required: it goes into the audit trail");
    String r = reason.strip();
    if (r.length() > MAX_REASON_CHARS) throw new RejectException("FF01", "reason longer than " + MAX_REASON_CHARS + " characters");
    return r;
  }
}
