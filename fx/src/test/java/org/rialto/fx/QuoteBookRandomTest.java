package org.rialto.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of rate publications, quote requests in both directions, reservations,
 * confirmations and releases, against a model kept here: positions always equal the model, and
 * no provider's worst-case open position ever exceeds its limit.
 */
class QuoteBookRandomTest {

  private static final Currency RUB = new Currency("RUB", 2);
  private static final Currency IRR = new Currency("IRR", 0);
  private static final List<String> FXPS = List.of("CBRFRUMMXXX", "DEALRUMMXXX");
  private static final String BANK = "BANKRUMMXXX";
  private static final long RUB_LIMIT = 5_000_000;
  private static final long IRR_LIMIT = 25_000_000L;

  /** Model: per FXP, per currency: bought, sold, pending bought, pending sold. */
  private final Map<String, long[]> model = new HashMap<>();

  private long[] model(String bic, String currency) {
    return model.computeIfAbsent(bic + currency, k -> new long[4]);
  }

  @Test
  void positionsMatchTheModelAndLimitsHold() {
    for (long seed = 1; seed <= 4; seed++) {
      model.clear();
      run(seed);
    }
  }

  private void run(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    QuoteBook book = new QuoteBook(QuoteBookConfig.defaults(), List.of(RUB, IRR),
        QuoteIdGenerator.seeded(seed));
    for (String bic : FXPS) {
      book.registerProvider(new FxProvider(bic, List.of("RUB", "IRR")));
      book.setPositionLimit(bic, "RUB", "IRR", RUB_LIMIT);
      book.setPositionLimit(bic, "IRR", "RUB", IRR_LIMIT);
    }
    Instant now = Instant.parse("2026-06-01T08:00:00Z");
    List<Quote> open = new ArrayList<>();
    List<Quote> reserved = new ArrayList<>();
    int reservations = 0;
    int refusedForLimit = 0;
    for (int step = 0; step < 3_000; step++) {
      now = now.plusMillis(random.nextLong(0, 20_000));
      int op = random.nextInt(10);
      if (op == 0 || step == 0) {
        for (String bic : FXPS) {
          BigDecimal mid = BigDecimal.valueOf(random.nextLong(480_000, 540_000), 3);
          book.publishRate(new Rate(bic, "RUB", "IRR", 1, 10_000_000, mid,
              new FeeSchedule(random.nextLong(0, 500), random.nextInt(0, 50))), now);
          BigDecimal inverse = BigDecimal.valueOf(random.nextLong(1_800, 2_100), 6);
          book.publishRate(new Rate(bic, "IRR", "RUB", 1, 5_000_000_000L, inverse,
              FeeSchedule.NONE), now);
        }
      } else if (op <= 4) {
        boolean rubFirst = random.nextBoolean();
        String source = rubFirst ? "RUB" : "IRR";
        String target = rubFirst ? "IRR" : "RUB";
        // About 500 IRR per RUB: 10 to 30,000 RUB either way.
        long amount = rubFirst ? random.nextLong(1_000, 3_000_000)
            : random.nextLong(5_000, 15_000_000);
        QuoteRequest request = random.nextBoolean()
            ? QuoteRequest.forSourceAmount(BANK, source, target, amount, now)
            : QuoteRequest.forTargetAmount(BANK, source, target,
                rubFirst ? amount * 5 : amount / 5, now);
        open.addAll(book.quotes(request).quotes());
      } else if (op <= 6 && !open.isEmpty()) {
        // Mostly recent quotes (old ones have expired), sometimes any, to exercise expiry too.
        int pick = random.nextInt(8) == 0
            ? random.nextInt(open.size())
            : open.size() - 1 - random.nextInt(Math.min(open.size(), 4));
        Quote q = open.remove(pick);
        QuoteCheck check = book.reserve(new QuoteUse(q.quoteId(), BANK, q.sourceCurrency(),
            q.sourceAmountMinor(), q.targetCurrency(), q.targetAmountMinor()), now);
        if (check.isValid()) {
          model(q.fxpBic(), q.sourceCurrency())[2] += q.sourceAmountMinor();
          model(q.fxpBic(), q.targetCurrency())[3] += q.targetAmountMinor();
          reserved.add(q);
          reservations++;
        } else if (((QuoteCheck.Invalid) check).failure() == QuoteFailure.POSITION_LIMIT) {
          refusedForLimit++;
        }
      } else if (!reserved.isEmpty()) {
        Quote q = reserved.remove(random.nextInt(reserved.size()));
        model(q.fxpBic(), q.sourceCurrency())[2] -= q.sourceAmountMinor();
        model(q.fxpBic(), q.targetCurrency())[3] -= q.targetAmountMinor();
        if (op <= 8) {
          book.confirm(q.quoteId());
          model(q.fxpBic(), q.sourceCurrency())[0] += q.sourceAmountMinor();
          model(q.fxpBic(), q.targetCurrency())[1] += q.targetAmountMinor();
        } else {
          book.release(q.quoteId());
        }
      }
      for (String bic : FXPS) {
        FxPosition position = book.position(bic, "RUB", "IRR");
        for (String currency : List.of("RUB", "IRR")) {
          CurrencyPosition p = position.in(currency);
          long[] m = model(bic, currency);
          assertThat(new long[] {p.boughtMinor(), p.soldMinor(), p.pendingBoughtMinor(),
              p.pendingSoldMinor()}).as("seed %d step %d %s %s", seed, step, bic, currency)
              .containsExactly(m);
          assertThat(p.worstLongMinor()).isLessThanOrEqualTo(p.maxOpenMinor());
          assertThat(p.worstShortMinor()).isLessThanOrEqualTo(p.maxOpenMinor());
        }
      }
    }
    // The run exercised the limits, not only the happy path.
    assertThat(reservations).isGreaterThan(100);
    assertThat(refusedForLimit).isGreaterThan(0);
  }
}
