package org.rialto.node.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rialto.fx.Currency;
import org.rialto.fx.FeeSchedule;
import org.rialto.fx.FxPosition;
import org.rialto.fx.FxProvider;
import org.rialto.fx.Quote;
import org.rialto.fx.QuoteBook;
import org.rialto.fx.QuoteBookConfig;
import org.rialto.fx.QuoteIdGenerator;
import org.rialto.fx.QuoteRequest;
import org.rialto.fx.QuoteResult;
import org.rialto.fx.QuoteUse;
import org.rialto.fx.Rate;

/**
 * The node's FX desk: the fx module's quote book, owned by the writer, with every input journaled
 * in the node's store in the same transaction as the turn that made it. At start the journal is
 * replayed through a fresh book with the same seed, which gives back the same rates, quotes (ids
 * included) and positions.
 */
public final class QuoteDesk implements FxDesk {
  /** One row of the FX journal. */
  public record FxEvent(long seq, long atMillis, String kind, String body) {}

  public record RateInput(String fxpBic, String sourceCurrency, String targetCurrency, long minSourceAmountMinor,
      long maxSourceAmountMinor, String rate, long fixedFeeMinor, int feeBasisPoints) {}

  public record QuotesInput(String requesterBic, String sourceCurrency, String targetCurrency, long sourceAmountMinor,
      long targetAmountMinor) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final QuoteBook book;
  private final List<FxEvent> unsaved = new ArrayList<>();
  private long nextSeq;
  /** Every currency this desk quotes: a provider added later settles in all of them, like configured ones. */
  private final List<String> currencyCodes = new ArrayList<>();
  /** Providers added after start by four eyes (journaled as "provider"), on top of the configured ones. */
  private final java.util.LinkedHashSet<String> addedProviders = new java.util.LinkedHashSet<>();

  private QuoteDesk(QuoteBook book, long nextSeq) {
    this.book = book;
    this.nextSeq = nextSeq;
  }

  private void register(FxProvider p) {
    book.registerProvider(p);
    for (String a : p.settlementCurrencies()) {
      for (String b : p.settlementCurrencies()) {
        // Limits are not configured yet: the ledger's liquidity checks bound what an FX
        // provider can lose, so its quote-book limit is the largest amount there is.
        if (!a.equals(b)) book.setPositionLimit(p.bic(), a, b, org.rialto.fx.Conversion.MAX_AMOUNT_MINOR);
      }
    }
  }

  /**
   * Adds an FX provider once two operators agreed (the caller checked it is a participant and not
   * yet a provider). Journaled, so a restart registers it again.
   */
  public void addProvider(String bic, long nowMillis) {
    register(new FxProvider(bic, currencyCodes));
    addedProviders.add(bic);
    journal("provider", bic, nowMillis);
  }

  /** Providers added since the configuration (by four eyes), in the order they were added. */
  public java.util.Set<String> addedProviders() {
    return java.util.Collections.unmodifiableSet(addedProviders);
  }

  /**
   * Builds the desk from its journal (or starts one with a fresh random seed).
   *
   * @param currencies this node's currency and every peer's, with their minor units
   * @param providers the FX providers of this node and the currencies each settles
   */
  public static QuoteDesk load(Connection c, List<Currency> currencies, List<FxProvider> providers,
      java.time.Duration quoteValidity, long nowMillis) throws SQLException {
    var events = new ArrayList<FxEvent>();
    try (var st = c.createStatement();
        var rs = st.executeQuery("SELECT seq, at_millis, kind, body FROM fx_event ORDER BY seq")) {
      while (rs.next()) events.add(new FxEvent(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
    }
    // Entries written since V113, packed per turn; all of them come after the single rows.
    try (var st = c.createStatement();
        var rs = st.executeQuery("SELECT first_seq, last_seq, at_millis, events FROM fx_journal ORDER BY last_seq")) {
      while (rs.next()) {
        for (var e : FxJournalPack.unpack(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4))) {
          if (!events.isEmpty() && e.seq() <= events.get(events.size() - 1).seq()) {
            throw new IllegalStateException("FX journal entry " + e.seq() + " after " + events.get(events.size() - 1).seq());
          }
          events.add(e);
        }
      }
    }
    long seed;
    boolean fresh = events.isEmpty();
    if (fresh) {
      seed = new SecureRandom().nextLong();
    } else {
      if (!events.get(0).kind().equals("seed")) throw new IllegalStateException("FX journal does not start with its seed");
      seed = Long.parseLong(events.get(0).body());
    }
    var defaults = QuoteBookConfig.defaults();
    var grace = quoteValidity.compareTo(defaults.replacedRateGrace()) < 0 ? quoteValidity : defaults.replacedRateGrace();
    var config = new QuoteBookConfig(quoteValidity, grace, defaults.expiredQuoteRetention(), defaults.maxQuotes(),
        defaults.maxBandsPerProviderCorridor(), defaults.maxProviders());
    var book = new QuoteBook(config, currencies, QuoteIdGenerator.seeded(seed));
    var desk = new QuoteDesk(book, events.isEmpty() ? 1 : events.get(events.size() - 1).seq() + 1);
    for (Currency cur : currencies) desk.currencyCodes.add(cur.code());
    for (FxProvider p : providers) desk.register(p);
    if (fresh) {
      desk.journal("seed", Long.toString(seed), nowMillis);
    } else {
      for (int i = 1; i < events.size(); i++) desk.replay(events.get(i));
    }
    return desk;
  }

  private void replay(FxEvent e) {
    Instant at = Instant.ofEpochMilli(e.atMillis());
    try {
      switch (e.kind()) {
        case "rate" -> book.publishRate(toRate(JSON.readValue(e.body(), RateInput.class)), at);
        case QUOTES -> book.quotes(toRequest(decodeQuotes(e.body()), at));
        case RESERVE -> book.reserve(decodeUse(e.body()), at);
        case CONFIRM, "confirm" -> book.confirm(e.body());
        case "quotes" -> book.quotes(toRequest(JSON.readValue(e.body(), QuotesInput.class), at));
        case "reserve" -> book.reserve(JSON.readValue(e.body(), QuoteUse.class), at);
        case "release" -> book.release(e.body());
        case "evict" -> book.evictExpired(at);
        case "provider" -> {
          register(new FxProvider(e.body(), currencyCodes));
          addedProviders.add(e.body());
        }
        default -> throw new IllegalStateException("unknown FX journal entry " + e.kind());
      }
    } catch (java.io.IOException ex) {
      throw new IllegalStateException("corrupt FX journal entry " + e.seq() + ": " + ex.getMessage(), ex);
    }
  }

  private static Rate toRate(RateInput r) {
    return new Rate(r.fxpBic(), r.sourceCurrency(), r.targetCurrency(), r.minSourceAmountMinor(),
        r.maxSourceAmountMinor(), new BigDecimal(r.rate()), new FeeSchedule(r.fixedFeeMinor(), r.feeBasisPoints()));
  }

  private static QuoteRequest toRequest(QuotesInput q, Instant at) {
    return new QuoteRequest(q.requesterBic(), q.sourceCurrency(), q.targetCurrency(), q.sourceAmountMinor(),
        q.targetAmountMinor(), at);
  }

  private void journal(String kind, String body, long nowMillis) {
    unsaved.add(new FxEvent(nextSeq++, nowMillis, kind, body));
  }

  private void journal(String kind, Object body, long nowMillis) {
    try {
      journal(kind, JSON.writeValueAsString(body), nowMillis);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The three entries written per cross-border payment, in a compact form since V114: the fields
   * separated by single spaces, no names, no quotes (about 140 bytes a payment where the JSON
   * bodies took 360, and nothing to escape when packed). A field that could hold a space or a
   * character the pack escapes is written as JSON under the old kind instead, so any input still
   * replays; BICs, currency codes and the book's quote ids never do.
   */
  static final String QUOTES = "q";
  static final String RESERVE = "r";
  static final String CONFIRM = "c";

  private static boolean compactable(String field) {
    if (field == null || field.isEmpty()) return false;
    for (int i = 0; i < field.length(); i++) {
      char ch = field.charAt(i);
      if (ch <= ' ' || ch == '\\' || ch > '~') return false;
    }
    return true;
  }

  /** The entry of a quote request: kind and body. */
  static String[] entry(QuotesInput q) {
    if (compactable(q.requesterBic()) && compactable(q.sourceCurrency()) && compactable(q.targetCurrency())) {
      return new String[] {QUOTES, new StringBuilder(48).append(q.requesterBic()).append(' ').append(q.sourceCurrency())
          .append(' ').append(q.targetCurrency()).append(' ').append(q.sourceAmountMinor()).append(' ')
          .append(q.targetAmountMinor()).toString()};
    }
    return new String[] {"quotes", json(q)};
  }

  /** The entry of a reservation: kind and body. */
  static String[] entry(QuoteUse u) {
    if (compactable(u.quoteId()) && compactable(u.requesterBic()) && compactable(u.sourceCurrency())
        && compactable(u.targetCurrency())) {
      return new String[] {RESERVE, new StringBuilder(96).append(u.quoteId()).append(' ').append(u.requesterBic())
          .append(' ').append(u.sourceCurrency()).append(' ').append(u.sourceAmountMinor()).append(' ')
          .append(u.targetCurrency()).append(' ').append(u.targetAmountMinor()).toString()};
    }
    return new String[] {"reserve", json(u)};
  }

  private static String[] fields(String body, int count) {
    var f = body.split(" ", -1);
    if (f.length != count) throw new IllegalStateException("corrupt FX journal body: " + f.length + " fields, " + count + " expected");
    return f;
  }

  static QuotesInput decodeQuotes(String body) {
    var f = fields(body, 5);
    return new QuotesInput(f[0], f[1], f[2], Long.parseLong(f[3]), Long.parseLong(f[4]));
  }

  static QuoteUse decodeUse(String body) {
    var f = fields(body, 6);
    return new QuoteUse(f[0], f[1], f[2], Long.parseLong(f[3]), f[4], Long.parseLong(f[5]));
  }

  // The two entries written per payment before V114 (and now for a field the compact form cannot
  // hold), as the JSON Jackson writes for them (read back with
  // Jackson at replay), by hand: Jackson's reflective writer ran on the writer thread per payment.
  static String json(QuotesInput q) {
    var b = new StringBuilder(160).append("{\"requesterBic\":");
    org.rialto.node.log.Logs.quote(b, q.requesterBic());
    b.append(",\"sourceCurrency\":");
    org.rialto.node.log.Logs.quote(b, q.sourceCurrency());
    b.append(",\"targetCurrency\":");
    org.rialto.node.log.Logs.quote(b, q.targetCurrency());
    b.append(",\"sourceAmountMinor\":").append(q.sourceAmountMinor());
    b.append(",\"targetAmountMinor\":").append(q.targetAmountMinor());
    return b.append('}').toString();
  }

  static String json(QuoteUse u) {
    var b = new StringBuilder(200).append("{\"quoteId\":");
    org.rialto.node.log.Logs.quote(b, u.quoteId());
    b.append(",\"requesterBic\":");
    org.rialto.node.log.Logs.quote(b, u.requesterBic());
    b.append(",\"sourceCurrency\":");
    org.rialto.node.log.Logs.quote(b, u.sourceCurrency());
    b.append(",\"sourceAmountMinor\":").append(u.sourceAmountMinor());
    b.append(",\"targetCurrency\":");
    org.rialto.node.log.Logs.quote(b, u.targetCurrency());
    b.append(",\"targetAmountMinor\":").append(u.targetAmountMinor());
    return b.append('}').toString();
  }

  /** Journal rows made since the last call; the writer stores them with its turn. */
  List<FxEvent> drainUnsaved() {
    if (unsaved.isEmpty()) return List.of();
    var out = List.copyOf(unsaved);
    unsaved.clear();
    return out;
  }

  /** Publishes an FX provider's rate (checked fully by the book before it changes anything). */
  public org.rialto.fx.PublishedRate publish(RateInput input, long nowMillis) {
    var published = book.publishRate(toRate(input), Instant.ofEpochMilli(nowMillis));
    journal("rate", input, nowMillis);
    return published;
  }

  public QuoteResult quotes(QuotesInput input, long nowMillis) {
    // Expired quotes leave the book first, so a long-running node keeps room for new ones.
    if (book.evictExpired(Instant.ofEpochMilli(nowMillis)) > 0) journal("evict", "", nowMillis);
    var result = book.quotes(toRequest(input, Instant.ofEpochMilli(nowMillis)));
    var entry = entry(input);
    journal(entry[0], entry[1], nowMillis);
    return result;
  }

  public List<FxPosition> positions() {
    return book.positions();
  }

  public List<org.rialto.fx.PublishedRate> rates(String source, String target) {
    return book.rates(source, target);
  }

  @Override
  public QuoteCheck check(String quoteId, String debtorBic, long sourceAmountMinor, String targetCurrency, long nowMillis) {
    Optional<Quote> quote = org.rialto.fx.QuoteReference.isValidId(quoteId) ? book.quote(quoteId) : Optional.empty();
    if (quote.isEmpty()) {
      if (book.used(quoteId)) return new QuoteCheck.Invalid("DUPL", "quote " + quoteId + " already served a payment");
      return new QuoteCheck.Invalid("NARR", "unknown quote " + quoteId);
    }
    var q = quote.get();
    var use = new QuoteUse(quoteId, debtorBic, q.sourceCurrency(), sourceAmountMinor, targetCurrency, q.targetAmountMinor());
    var result = book.reserve(use, Instant.ofEpochMilli(nowMillis));
    if (result instanceof org.rialto.fx.QuoteCheck.Invalid invalid) {
      String reason = switch (invalid.failure()) {
        case EXPIRED, RATE_REPLACED -> "AB03";
        case SOURCE_AMOUNT_MISMATCH, TARGET_AMOUNT_MISMATCH -> "AM09";
        case CURRENCY_MISMATCH -> "AM03";
        case ALREADY_USED -> "DUPL";
        default -> "NARR";
      };
      return new QuoteCheck.Invalid(reason, invalid.detail());
    }
    var entry = entry(use);
    journal(entry[0], entry[1], nowMillis);
    return new QuoteCheck.Valid(q.quoteId(), q.fxpBic(), q.sourceAmountMinor(), q.sourceCurrency(),
        q.targetAmountMinor(), q.targetCurrency(), q.rate().toPlainString());
  }

  @Override
  public void settled(String quoteId, long nowMillis) {
    book.confirm(quoteId);
    journal(CONFIRM, quoteId, nowMillis);
  }

  @Override
  public void released(String quoteId, long nowMillis) {
    book.release(quoteId);
    journal("release", quoteId, nowMillis);
  }

  @Override
  public List<FxEvent> unsavedEvents() {
    return drainUnsaved();
  }
}
