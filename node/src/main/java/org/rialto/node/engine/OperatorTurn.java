package org.rialto.node.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** What {@link OperatorWork} may do inside one writer turn; nothing here commits on its own. */
public final class OperatorTurn {
  /** SQL written in the turn's transaction; must not fail for business reasons (check first). */
  @FunctionalInterface
  public interface SqlWrite {
    void run(Connection c) throws SQLException;
  }

  /** Bounds what one turn of operator work may add, so a bug cannot grow a transaction without end. */
  static final int MAX_SQL_WRITES_PER_TURN = 1_024;

  private final Turn turn;

  OperatorTurn(Turn turn) {
    this.turn = turn;
  }

  public long nowMillis() {
    return turn.nowMillis;
  }

  /**
   * True the first time {@code key} is claimed in this turn. Two requests on one account or one
   * action in the same turn would both read the same committed row; the second is told to retry.
   */
  public boolean claim(String key) {
    return turn.operatorClaims.add(key);
  }

  public void sql(SqlWrite write) {
    if (turn.operatorSql.size() >= MAX_SQL_WRITES_PER_TURN) {
      throw new RejectException("NARR", "node busy with operator work: retry");
    }
    turn.operatorSql.add(write);
  }

  public void audit(String actor, String action, String subject, String detailsJson) {
    turn.audit.add(new org.rialto.security.audit.AuditEntry(java.time.Instant.ofEpochMilli(turn.nowMillis), actor, action,
        subject, detailsJson));
  }

  public Optional<Participants.Participant> participant(String bic) {
    return turn.s.participants.get(bic);
  }

  public Optional<Hold> hold(UUID uetr) {
    return Optional.ofNullable(turn.s.holds.get(uetr));
  }

  /** Applies a credit-line change (validated first; throws {@link RejectException} before any change). */
  public void changeCreditLine(String actor, String bic, long creditLineMinor) {
    turn.changeCreditLine(new Command.ChangeCreditLine(actor, bic, creditLineMinor, new CompletableFuture<>()));
  }

  public void addParticipant(String actor, String bic, String name, String country, long creditLineMinor) {
    turn.addParticipant(new Command.AddParticipant(actor, bic, name, country, creditLineMinor, new CompletableFuture<>()));
  }

  /** Whether {@code bic} quotes on this node now (configured or added since). */
  public boolean isFxProvider(String bic) {
    return turn.s.fxProviders.contains(bic);
  }

  /**
   * Makes a participant an FX provider of this node's quote book (journaled with the turn). A node
   * started without any FX provider has no quote book: it is refused, the configuration must list one.
   */
  public void addFxProvider(String actor, String bic) {
    var p = turn.s.participants.get(bic).orElseThrow(() -> new RejectException("RC01", "no participant " + bic));
    if (turn.s.fxProviders.contains(bic)) throw new RejectException("DUPL", bic + " is already an FX provider here");
    if (!(turn.s.fx instanceof QuoteDesk desk)) {
      throw new RejectException("NARR", "this node runs without a quote book: list an FX provider under fxProviders and restart");
    }
    desk.addProvider(p.bic(), turn.nowMillis);
    turn.s.fxProviders.add(p.bic());
    audit(actor, "fx.provider.add", bic, "{}");
  }

  /** @return "awaiting-second-operator" after a first approval, "released" after the confirmation */
  public String releaseHold(UUID uetr, String operator, String reason) {
    Hold before = turn.s.holds.get(uetr);
    turn.releaseHold(new Command.ReleaseHold(uetr, operator, reason, new CompletableFuture<>()));
    return before != null && before.firstApprover() != null ? "released" : "awaiting-second-operator";
  }

  public void rejectHold(UUID uetr, String operator, String reasonCode, String reason) {
    turn.rejectHold(new Command.RejectHold(uetr, operator, reasonCode, reason, new CompletableFuture<>()));
  }
}
