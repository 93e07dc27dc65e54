package org.rialto.node.operators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.rialto.node.engine.NodeEngine;
import org.rialto.node.engine.OperatorTurn;
import org.rialto.node.engine.RejectException;
import org.rialto.security.operators.ActionKind;
import org.rialto.security.operators.DualAction;
import org.rialto.security.operators.DualControl;
import org.rialto.security.operators.DualControlStore;
import org.rialto.store.Store;

/**
 * Changes that need two different people (four eyes): adding a participant, changing a credit
 * line, making a participant an FX provider. The first operator proposes; the change waits, visible in the API and the
 * console; a second, different operator with the approver role approves, and only then does the
 * writer apply it, in the same transaction that marks the action completed and appends both
 * names to the audit trail. Releasing a held payment follows the same rule through its case.
 */
public final class PendingChanges {
  /** A proposal nobody decides on lapses after a business day; proposing again is cheap. */
  public static final Duration PROPOSAL_TTL = Duration.ofHours(24);
  public static final int MAX_LISTED = 200;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Store store;
  private final NodeEngine engine;

  public PendingChanges(Store store, NodeEngine engine) {
    this.store = store;
    this.engine = engine;
  }

  /** A new participant with its intraday credit line (minor units). */
  public DualAction proposeParticipant(Principal p, String bic, String name, String country, long creditLineMinor) {
    var details = JSON.createObjectNode().put("bic", bic).put("name", name).put("country", country).put("creditLineMinor", creditLineMinor);
    return propose(p, ActionKind.ADD_PARTICIPANT, bic, t -> {
      if (t.participant(bic).isPresent()) throw new RejectException("DUPL", "participant exists: " + bic);
      return details.toString();
    });
  }

  /** A participant of this node becomes an FX provider (quotes on every corridor of the node). */
  public DualAction proposeFxProvider(Principal p, String bic) {
    return propose(p, ActionKind.ADD_FX_PROVIDER, bic, t -> {
      t.participant(bic).orElseThrow(() -> new RejectException("RC01", "no participant " + bic + ": add it first"));
      if (t.isFxProvider(bic)) throw new RejectException("DUPL", bic + " is already an FX provider here");
      return JSON.createObjectNode().put("bic", bic).toString();
    });
  }

  /** The details keep the line being replaced, so the approver sees from what to what. */
  public DualAction proposeCreditLine(Principal p, String bic, long creditLineMinor) {
    if (creditLineMinor < 0) throw new RejectException("AM02", "credit line must not be negative");
    return propose(p, ActionKind.CHANGE_CREDIT_LINE, bic, t -> {
      var participant = t.participant(bic).orElseThrow(() -> new RejectException("RC01", "no participant " + bic));
      return JSON.createObjectNode().put("bic", bic).put("creditLineMinor", creditLineMinor)
          .put("fromMinor", participant.creditLineMinor()).toString();
    });
  }

  /** Checks the subject against the writer's state and returns the details to store (a JSON object). */
  private interface Check {
    String detailsJson(OperatorTurn t);
  }

  private DualAction propose(Principal p, ActionKind kind, String subject, Check check) {
    p.require(kind.proposer);
    String id = "CHG-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase(java.util.Locale.ROOT);
    return OperatorAccess.await(engine.operators(t -> {
      String details = check.detailsJson(t);
      DualAction a = DualControl.propose(id, kind, subject, details, p.operator(), Instant.ofEpochMilli(t.nowMillis()), PROPOSAL_TTL);
      t.sql(c -> DualControlStore.insert(c, a));
      t.audit(p.name(), "change.propose", id, "{\"kind\":\"" + kind + "\",\"subject\":\"" + subject + "\",\"details\":" + details + "}");
      return a;
    }));
  }

  /** A second operator approves: the writer re-checks the four-eyes rule and applies the change. */
  public DualAction approve(Principal p, String id) {
    return decide(p, id, true);
  }

  public DualAction reject(Principal p, String id) {
    return decide(p, id, false);
  }

  private DualAction decide(Principal p, String id, boolean approve) {
    if (id == null || id.isEmpty() || id.length() > DualAction.MAX_ID_CHARS) throw new RejectException("FF01", "malformed change id");
    return OperatorAccess.await(engine.operators(t -> {
      if (!t.claim("action:" + id)) throw new RejectException("NARR", "change " + id + " is being decided: retry");
      DualAction action = store.read(c -> DualControlStore.find(c, id)).orElseThrow(() -> new RejectException("NOOR", "no change " + id));
      Instant now = Instant.ofEpochMilli(t.nowMillis());
      var decision = approve ? DualControl.approve(action, p.operator(), now) : DualControl.reject(action, p.operator(), now);
      DualAction decided = switch (decision) {
        case DualControl.Refused r -> throw new RejectException("AG01", r.message());
        case DualControl.Completed done -> done.action();
      };
      // Applied before anything is written: a refusal here (participant gone, limit invalid) leaves nothing behind.
      if (approve) apply(t, decided);
      t.sql(c -> DualControlStore.decide(c, decided));
      t.audit(p.name(), approve ? "change.approve" : "change.reject", id,
          "{\"kind\":\"" + action.kind() + "\",\"subject\":\"" + action.subject() + "\",\"proposedBy\":\"" + action.proposedBy() + "\"}");
      return decided;
    }));
  }

  private static void apply(OperatorTurn t, DualAction a) {
    JsonNode d;
    try {
      d = JSON.readTree(a.details());
    } catch (java.io.IOException e) {
      throw new IllegalStateException("stored details of " + a.id() + " are not JSON", e);
    }
    String actor = a.proposedBy() + "+" + a.decidedBy();
    switch (a.kind()) {
      case CHANGE_CREDIT_LINE, CHANGE_LIMIT -> t.changeCreditLine(actor, d.get("bic").asText(), d.get("creditLineMinor").asLong());
      case ADD_PARTICIPANT -> t.addParticipant(actor, d.get("bic").asText(), d.get("name").asText(), d.get("country").asText(),
          d.get("creditLineMinor").asLong());
      case ADD_FX_PROVIDER -> t.addFxProvider(actor, d.get("bic").asText());
      case RELEASE_HELD_PAYMENT -> throw new RejectException("NARR", a.kind() + " is decided through its case, not as a pending change");
    }
  }

  public List<DualAction> list(boolean pendingOnly) {
    return store.read(c -> read(c, pendingOnly));
  }

  private static List<DualAction> read(Connection c, boolean pendingOnly) throws SQLException {
    var out = new ArrayList<DualAction>();
    try (var ps = c.prepareStatement("SELECT id, kind, subject, details, proposed_by, proposed_micros, expires_micros, state,"
        + " decided_by, decided_micros FROM security_dual_action" + (pendingOnly ? " WHERE state = 'PENDING'" : "")
        + " ORDER BY proposed_micros DESC")) {
      ps.setMaxRows(MAX_LISTED);
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          long decided = rs.getLong(10);
          boolean undecided = rs.wasNull();
          out.add(new DualAction(rs.getString(1), ActionKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
              rs.getString(5), micros(rs.getLong(6)), micros(rs.getLong(7)), DualAction.State.valueOf(rs.getString(8)),
              rs.getString(9), undecided ? null : micros(decided)));
        }
      }
    }
    return out;
  }

  private static Instant micros(long m) {
    return Instant.EPOCH.plus(m, ChronoUnit.MICROS);
  }
}
