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
    return clamp(account.availableMinor());
  }

  static long clamp(BigInteger value) {
    if (value.compareTo(LONG_MAX) > 0) return Long.MAX_VALUE;
    if (value.compareTo(LONG_MIN) < 0) return Long.MIN_VALUE;
    return value.longValue();
  }
}
