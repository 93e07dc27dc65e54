package org.rialto.node.engine;

import java.math.BigInteger;
import org.rialto.ledger.Id128;
import org.rialto.ledger.Ledger;

/** Ledger figures narrowed to what the RTGS logic works with. */
final class LedgerReads {
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);

  private LedgerReads() {}

  /**
   * Available liquidity, clamped into a long: no single payment exceeds 10^18 minor units, so a
   * clamped figure decides every payment exactly as the full 128-bit one would.
   */
  static long availableMinor(Ledger ledger, Id128 accountId) {
    var account = ledger.account(accountId)
        .orElseThrow(() -> new IllegalStateException("settlement account missing from ledger: " + accountId));
    // Called for every payment the writer routes: in long arithmetic when every figure fits (all
    // settlement accounts of a real node), as the ledger's exact 128-bit figure only otherwise.
    var credits = account.creditsPosted();
    var debits = account.debitsPosted();
    var pending = account.debitsPending();
    if (credits.high() == 0 && debits.high() == 0 && pending.high() == 0
        && credits.low() >= 0 && debits.low() >= 0 && pending.low() >= 0) {
      try {
        long available = Math.subtractExact(Math.subtractExact(Math.addExact(credits.low(), account.creditLimitMinor()),
            debits.low()), pending.low());
        assert available == clamp(account.availableMinor());
        return available;
      } catch (ArithmeticException overflow) {
        // Beyond a long: the exact figure below, clamped.
      }
    }
    return clamp(account.availableMinor());
  }

  static long clamp(BigInteger value) {
    if (value.compareTo(LONG_MAX) > 0) return Long.MAX_VALUE;
    if (value.compareTo(LONG_MIN) < 0) return Long.MIN_VALUE;
    return value.longValue();
  }
}
