package org.rialto.node.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rialto.fx.Quote;
import org.rialto.node.config.Amounts;
import org.rialto.node.engine.NodeEngine;

/**
 * FX over HTTP: FX providers publish rates, banks ask for quotes (every eligible provider's
 * firm quote), and providers and the central bank see positions.
 */
public final class FxApi implements ApiServer.RouteRegistrar {
  private final NodeEngine engine;
  private final String currency;
  private final Map<String, Integer> minorUnits;
  private final ObjectMapper json;

  /** @param minorUnits minor units of this node's currency and every peer's */
  public FxApi(NodeEngine engine, String currency, Map<String, Integer> minorUnits, ObjectMapper json) {
    this.engine = engine;
    this.currency = currency;
    this.minorUnits = Map.copyOf(minorUnits);
    this.json = json;
  }

  @Override
  public void register(Javalin app) {
    app.post("/v1/fx/rates", this::publishRate);
    app.post("/v1/quotes", this::quotes);
    app.get("/v1/fx/positions", this::positions);
  }

  private int minor(String code) {
    Integer m = minorUnits.get(code);
    if (m == null) throw new JsonApi.BadRequest("AM03", "no node settles " + code + " in this network");
    return m;
  }

  private com.fasterxml.jackson.databind.JsonNode body(Context ctx) {
    try {
      var node = json.readTree(ctx.bodyAsBytes());
      if (node == null || !node.isObject()) throw new JsonApi.BadRequest("FF01", "body must be a JSON object");
      return node;
    } catch (java.io.IOException e) {
      throw new JsonApi.BadRequest("FF01", "body is not JSON: " + e.getMessage());
    }
  }

  private void publishRate(Context ctx) {
    String fxp = ApiServer.participant(ctx);
    var b = body(ctx);
    String target = JsonApi.text(b, "targetCurrency", true);
    minor(target);
    String rate = JsonApi.text(b, "rate", true);
    try {
      if (new java.math.BigDecimal(rate).signum() <= 0) throw new NumberFormatException();
    } catch (NumberFormatException e) {
      throw new JsonApi.BadRequest("FF01", "rate: a positive decimal (target units per source unit)");
    }
    int sm = minor(currency);
    String min = JsonApi.text(b, "minSourceAmount", false);
    String max = JsonApi.text(b, "maxSourceAmount", false);
    String fee = JsonApi.text(b, "fixedFee", false);
    int bps = b.has("feeBasisPoints") ? b.get("feeBasisPoints").asInt(-1) : 0;
    if (bps < 0) throw new JsonApi.BadRequest("FF01", "feeBasisPoints: a whole number >= 0");
    long minMinor = min == null ? 1 : JsonApi.amountMinor(min, sm);
    long maxMinor = max == null ? Amounts.MAX_AMOUNT_MINOR : JsonApi.amountMinor(max, sm);
    long feeMinor = fee == null || fee.equals("0") ? 0 : JsonApi.amountMinor(fee, sm);
    var published = ApiServer.await(engine.publishRate(fxp, currency, target, minMinor, maxMinor, rate, feeMinor, bps));
    var out = new LinkedHashMap<String, Object>();
    out.put("rateId", published.rateId());
    out.put("fxp", fxp);
    out.put("sourceCurrency", currency);
    out.put("targetCurrency", target);
    out.put("rate", rate);
    out.put("replacedRateIds", published.replacedRateIds());
    out.put("publishedAt", published.publishedAt().toString());
    ctx.status(201).json(out);
  }

  /** A bank may ask for this many quotes in one request (one per payment of a batch). */
  static final int MAX_QUOTE_REQUESTS = 1_000;

  /**
   * One quote request ({@code targetCurrency} and one of {@code sourceAmount}/{@code
   * targetAmount}), or many: {@code {"requests": [...]}} answered by {@code {"results": [...]}}
   * in the same order, each with its quotes or its own error (reasonCode). A quote serves one payment, so a bank paying a batch needs a quote per
   * payment; asking for them together costs the node one writer turn instead of one per quote.
   */
  private void quotes(Context ctx) {
    String bank = ApiServer.participant(ctx);
    var b = body(ctx);
    if (b.has("requests")) {
      var list = b.get("requests");
      if (!list.isArray() || list.isEmpty() || list.size() > MAX_QUOTE_REQUESTS) {
        throw new JsonApi.BadRequest("FF01", "requests: an array of 1 to " + MAX_QUOTE_REQUESTS + " quote requests");
      }
      // Every request is checked before any is sent to the writer: a bad one refuses them all.
      var inputs = new ArrayList<long[]>(list.size());
      var targets = new ArrayList<String>(list.size());
      for (int i = 0; i < list.size(); i++) {
        try {
          targets.add(quoteTarget(list.get(i)));
          inputs.add(quoteAmounts(list.get(i), targets.get(i)));
        } catch (JsonApi.BadRequest e) {
          throw new JsonApi.BadRequest(e.reasonCode, "requests[" + i + "]." + e.getMessage());
        }
      }
      var futures = new ArrayList<java.util.concurrent.CompletableFuture<org.rialto.fx.QuoteResult>>(list.size());
      for (int i = 0; i < list.size(); i++) {
        futures.add(engine.requestQuotes(bank, currency, targets.get(i), inputs.get(i)[0], inputs.get(i)[1]));
      }
      var results = new ArrayList<Map<String, Object>>(list.size());
      for (var f : futures) {
        try {
          results.add(resultView(ApiServer.await(f)));
        } catch (org.rialto.node.engine.RejectException e) {
          // The others were quoted already: each result says for itself whether it got quotes.
          results.add(JsonApi.error(e.reasonCode(), e.getMessage()));
        }
      }
      ctx.json(Map.of("results", results));
      return;
    }
    String target = quoteTarget(b);
    long[] amounts = quoteAmounts(b, target);
    ctx.json(resultView(ApiServer.await(engine.requestQuotes(bank, currency, target, amounts[0], amounts[1]))));
  }

  private String quoteTarget(com.fasterxml.jackson.databind.JsonNode b) {
    if (!b.isObject()) throw new JsonApi.BadRequest("FF01", "a quote request is a JSON object");
    String target = JsonApi.text(b, "targetCurrency", true);
    String source = JsonApi.text(b, "sourceCurrency", false);
    if (source != null && !source.equals(currency)) {
      throw new JsonApi.BadRequest("AM03", "this node quotes from " + currency + "; ask the node of " + source);
    }
    if (target.equals(currency)) throw new JsonApi.BadRequest("AM03", "a quote converts between two currencies");
    return target;
  }

  /** {source amount, target amount} in minor units; exactly one of them is given (the other is 0). */
  private long[] quoteAmounts(com.fasterxml.jackson.databind.JsonNode b, String target) {
    String sa = JsonApi.text(b, "sourceAmount", false);
    String ta = JsonApi.text(b, "targetAmount", false);
    if ((sa == null) == (ta == null)) throw new JsonApi.BadRequest("FF01", "give exactly one of sourceAmount and targetAmount");
    long sourceMinor = sa == null ? 0 : JsonApi.amountMinor(sa, minor(currency));
    long targetMinor = ta == null ? 0 : JsonApi.amountMinor(ta, minor(target));
    return new long[] {sourceMinor, targetMinor};
  }

  private Map<String, Object> resultView(org.rialto.fx.QuoteResult result) {
    var quotes = new ArrayList<Map<String, Object>>();
    for (Quote q : result.quotes()) quotes.add(view(q));
    var declined = new ArrayList<Map<String, Object>>();
    for (var d : result.declined()) declined.add(Map.of("fxp", d.fxpBic(), "reason", d.reason().name(), "detail", d.detail()));
    return Map.of("quotes", quotes, "declined", declined);
  }

  /**
   * Positions and limits: an FX provider sees its own, the node's central bank sees every
   * provider's (the other central bank sees them on its own node for the other direction).
   */
  private void positions(Context ctx) {
    String caller = ApiServer.participant(ctx);
    var result = ApiServer.await(engine.query(v -> {
      boolean centralBank = caller.equals(v.centralBankBic());
      var out = new ArrayList<Map<String, Object>>();
      for (var p : v.fxPositions()) {
        if (!centralBank && !p.fxpBic().equals(caller)) continue;
        var m = new LinkedHashMap<String, Object>();
        m.put("fxp", p.fxpBic());
        for (var side : List.of(p.first(), p.second())) {
          var c = new LinkedHashMap<String, Object>();
          int mu = minor(side.currency());
          c.put("bought", Amounts.format(side.boughtMinor(), mu));
          c.put("sold", Amounts.format(side.soldMinor(), mu));
          c.put("pendingBought", Amounts.format(side.pendingBoughtMinor(), mu));
          c.put("pendingSold", Amounts.format(side.pendingSoldMinor(), mu));
          c.put("maxOpen", side.maxOpenMinor() < 0 ? "none" : Amounts.format(side.maxOpenMinor(), mu));
          m.put(side.currency(), c);
        }
        out.add(m);
      }
      return out;
    }));
    ctx.json(Map.of("positions", result));
  }

  Map<String, Object> view(Quote q) {
    var m = new LinkedHashMap<String, Object>();
    m.put("quoteId", q.quoteId());
    m.put("fxp", q.fxpBic());
    m.put("sourceCurrency", q.sourceCurrency());
    m.put("targetCurrency", q.targetCurrency());
    m.put("rate", q.rate().toPlainString());
    m.put("sourceAmount", Amounts.format(q.sourceAmountMinor(), minor(q.sourceCurrency())));
    m.put("targetAmount", Amounts.format(q.targetAmountMinor(), minor(q.targetCurrency())));
    var fees = new ArrayList<Map<String, Object>>();
    for (var f : q.fees()) {
      fees.add(Map.of("kind", f.kind().name(), "currency", f.currency(), "amount",
          Amounts.format(f.amountMinor(), minor(f.currency())), "basisPoints", f.basisPoints()));
    }
    m.put("fees", fees);
    m.put("issuedAt", q.issuedAt().toString());
    m.put("expiresAt", q.expiresAt().toString());
    m.put("instructionForNextAgent", org.rialto.fx.QuoteReference.format(q.quoteId()));
    return m;
  }
}
