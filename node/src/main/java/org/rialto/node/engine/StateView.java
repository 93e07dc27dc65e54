package org.rialto.node.engine;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.rialto.node.payment.Payment;
import org.rialto.node.rtgs.PaymentQueues;

/** The writer's state as queries see it; only ever used on the writer thread. */
final class StateView implements NodeEngine.View {
  private final NodeState s;

  StateView(NodeState state) {
    this.s = state;
  }

  @Override
  public Optional<Payment> payment(UUID uetr) {
    return s.payment(uetr);
  }

  @Override
  public Optional<Participants.Participant> participant(String bic) {
    return s.participants.get(bic);
  }

  @Override
  public List<Participants.Participant> participants() {
    return s.participants.all();
  }

  @Override
  public Balances.AccountBalance balance(String bic) {
    var p = s.participants.get(bic).orElseThrow(() -> new RejectException("RC01", "no participant " + bic));
    var account = s.ledger.account(p.accountId()).orElseThrow();
    int queuedCount = 0;
    long queuedMinor = 0;
    for (var q : s.queues.debtorQueue(bic)) {
      queuedCount++;
      queuedMinor = Math.addExact(queuedMinor, q.amountMinor());
    }
    return new Balances.AccountBalance(bic, s.currency,
        LedgerReads.clamp(account.balancePostedMinor()),
        LedgerReads.clamp(account.debitsPending().toBigInteger()),
        account.creditLimitMinor(),
        LedgerReads.clamp(account.availableMinor()),
        queuedCount, queuedMinor);
  }

  @Override
  public PaymentQueues queues() {
    return s.queues;
  }

  @Override
  public java.util.Map<String, Object> verifyInvariants() {
    s.ledger.verifyFully();
    s.checkAgainstLedger();
    var out = new java.util.LinkedHashMap<String, Object>();
    var totals = new java.util.LinkedHashMap<String, Object>();
    s.ledger.currencyTotals().forEach((ccy, t) -> totals.put(ccy, t.toString()));
    out.put("currencyTotals", totals);
    // Conservation: every unit a participant holds came from the issuance account, so the
    // participants' balances plus the issuance and clearing balances sum to zero.
    java.math.BigInteger sum = java.math.BigInteger.ZERO;
    for (var p : s.participants.all()) sum = sum.add(s.ledger.account(p.accountId()).orElseThrow().balancePostedMinor());
    var issuance = s.ledger.account(s.issuanceAccountId).orElseThrow().balancePostedMinor();
    var clearing = s.ledger.account(s.clearingAccountId).orElseThrow().balancePostedMinor();
    if (sum.add(issuance).add(clearing).signum() != 0 || clearing.signum() != 0) {
      throw new IllegalStateException("money not conserved in " + s.currency + ": participants " + sum
          + ", issuance " + issuance + ", clearing " + clearing);
    }
    out.put("participantsBalanceMinor", sum.toString());
    out.put("issuedMinor", issuance.negate().toString());
    out.put("conserved", true);
    var byState = new java.util.TreeMap<String, Integer>();
    for (var st : org.rialto.node.payment.PaymentState.values()) {
      int compacted = st.isFinal() ? s.paymentIndex.compactedCount(st) : 0;
      if (compacted > 0) byState.put(st.name(), compacted);
    }
    for (var p : s.payments.values()) {
      byState.merge(p.state().name(), 1, Integer::sum);
      // A compacted payment taken back as a record (its return in flight) is counted as the record.
      var c = s.paymentIndex.compacted(p.uetr());
      if (c != null) byState.merge(c.state().name(), -1, Integer::sum);
    }
    byState.values().removeIf(n -> n == 0);
    out.put("paymentsByState", byState);
    out.put("queued", s.queues.size());
    return out;
  }

  @Override
  public List<Hold> holds(boolean openOnly) {
    var out = new java.util.ArrayList<Hold>();
    for (Hold h : s.holds.values()) if (!openOnly || h.decision() == null) out.add(h);
    out.sort((a, b) -> Long.compare(a.openedAtMillis(), b.openedAtMillis()));
    return out;
  }

  @Override
  public List<org.rialto.fx.FxPosition> fxPositions() {
    return s.fx instanceof QuoteDesk desk ? desk.positions() : List.of();
  }

  @Override
  public java.util.Set<String> fxProviders() {
    return java.util.Set.copyOf(s.fxProviders);
  }

  @Override
  public String centralBankBic() {
    return s.centralBankBic;
  }

  @Override
  public long bankMessageHighWater() {
    return s.bankMessageHighWater();
  }
}
