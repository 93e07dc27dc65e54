package org.rialto.node.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.rialto.node.engine.NodeEngine;
import org.rialto.node.engine.RejectException;
import org.rialto.node.operators.Cases;
import org.rialto.node.operators.OperatorAccess;
import org.rialto.node.operators.PendingChanges;
import org.rialto.node.operators.Principal;
import org.rialto.node.payment.Payment;
import org.rialto.node.rtgs.Priority;
import org.rialto.security.operators.DualAction;
import org.rialto.security.operators.Role;

/**
 * The operators' JSON API, on the operator listener only. Every route names the role it needs;
 * changes that need four eyes answer 202 with the pending change, which another operator
 * approves through {@code /v1/admin/changes/{id}/approve}.
 */
public final class AdminApi implements ApiServer.RouteRegistrar {
  private final NodeEngine engine;
  private final ApiServer bankApi;
  private final Inbox inbox;
  private final OperatorAccess access;
  private final PendingChanges changes;
  private final Cases cases;
  private final ObjectMapper json;
  private final int minorUnits;
  private final String nodeId;

  public AdminApi(NodeEngine engine, ApiServer bankApi, Inbox inbox, OperatorAccess access, PendingChanges changes, Cases cases,
      ObjectMapper json, int minorUnits, String nodeId) {
    this.nodeId = nodeId;
    this.engine = engine;
    this.bankApi = bankApi;
    this.inbox = inbox;
    this.access = access;
    this.changes = changes;
    this.cases = cases;
    this.json = json;
    this.minorUnits = minorUnits;
  }

  private static Principal as(Context ctx, Role role) {
    return OperatorServer.principal(ctx).require(role);
  }

  @Override
  public void register(Javalin app) {
    app.get("/openapi.json", ctx -> ctx.contentType("application/json").result(OperatorOpenApi.document(nodeId)));
    app.post("/v1/admin/session", ctx -> {
      var body = readObject(ctx);
      String name = JsonApi.text(body, "name", true);
      String password = JsonApi.text(body, "password", true);
      var issued = access.login(name, password.toCharArray());
      var out = new LinkedHashMap<String, Object>();
      out.put("token", issued.token());
      out.put("csrfToken", issued.csrfToken());
      out.put("operator", name);
      out.put("expiresAt", issued.session().expiresAt().toString());
      ctx.status(201).json(out);
    });
    app.delete("/v1/admin/session", ctx -> {
      access.logout(OperatorServer.principal(ctx));
      ctx.json(Map.of("signedOut", true));
    });
    app.get("/v1/admin/whoami", ctx -> {
      var p = OperatorServer.principal(ctx);
      ctx.json(Map.of("operator", p.name(), "role", p.role().name(), "expiresAt", p.session().expiresAt().toString()));
    });
    app.get("/v1/admin/operators", ctx -> {
      as(ctx, Role.ADMINISTRATOR);
      ctx.json(access.accounts());
    });
    app.post("/v1/admin/operators", ctx -> {
      var p = as(ctx, Role.ADMINISTRATOR);
      var body = readObject(ctx);
      String name = JsonApi.text(body, "name", true);
      Role role = role(JsonApi.text(body, "role", true));
      String password = JsonApi.text(body, "password", true);
      try {
        access.addOperator(p.name(), name, role, password.toCharArray());
      } catch (IllegalArgumentException e) {
        throw new JsonApi.BadRequest("FF01", e.getMessage());
      }
      ctx.status(201).json(Map.of("name", name, "role", role.name()));
    });

    app.post("/v1/admin/participants", ctx -> {
      var p = OperatorServer.principal(ctx);
      var body = readObject(ctx);
      String bic = JsonApi.bic(JsonApi.text(body, "bic", true), "bic");
      String name = JsonApi.text(body, "name", true);
      String country = JsonApi.text(body, "country", true);
      if (!country.matches("[A-Z]{2}")) throw new JsonApi.BadRequest("FF01", "country: ISO 3166 alpha-2");
      String cl = JsonApi.text(body, "creditLine", false);
      long creditLine = cl == null || "0".equals(cl) ? 0 : JsonApi.amountMinor(cl, minorUnits);
      ctx.status(202).json(change(changes.proposeParticipant(p, bic, name, country, creditLine)));
    });
    app.put("/v1/admin/participants/{bic}/credit-line", ctx -> {
      var p = OperatorServer.principal(ctx);
      String bic = JsonApi.bic(ctx.pathParam("bic"), "bic");
      var body = readObject(ctx);
      String cl = JsonApi.text(body, "creditLine", true);
      long creditLine = "0".equals(cl) ? 0 : JsonApi.amountMinor(cl, minorUnits);
      ctx.status(202).json(change(changes.proposeCreditLine(p, bic, creditLine)));
    });
    app.post("/v1/admin/fx-providers", ctx -> {
      var p = OperatorServer.principal(ctx);
      var body = readObject(ctx);
      String bic = JsonApi.bic(JsonApi.text(body, "bic", true), "bic");
      ctx.status(202).json(change(changes.proposeFxProvider(p, bic)));
    });
    app.get("/v1/admin/changes", ctx -> {
      as(ctx, Role.VIEWER);
      boolean all = "all".equals(ctx.queryParam("status"));
      ctx.json(changes.list(!all).stream().map(AdminApi::change).toList());
    });
    app.post("/v1/admin/changes/{id}/approve", ctx -> ctx.json(change(changes.approve(OperatorServer.principal(ctx), ctx.pathParam("id")))));
    app.post("/v1/admin/changes/{id}/reject", ctx -> ctx.json(change(changes.reject(OperatorServer.principal(ctx), ctx.pathParam("id")))));

    app.post("/v1/admin/liquidity", ctx -> {
      var p = as(ctx, Role.SUPERVISOR);
      var body = readObject(ctx);
      UUID requestId = JsonApi.uuidV4(JsonApi.text(body, "requestId", true));
      String bic = JsonApi.bic(JsonApi.text(body, "bic", true), "bic");
      long amount = JsonApi.amountMinor(JsonApi.text(body, "amount", true), minorUnits);
      String direction = JsonApi.text(body, "direction", false);
      boolean inject = direction == null || direction.equals("inject");
      if (!inject && !"withdraw".equals(direction)) throw new JsonApi.BadRequest("FF01", "direction: inject or withdraw");
      ApiServer.await(engine.liquidity(p.name(), requestId, bic, amount, inject));
      ctx.json(Map.of("requestId", requestId.toString(), "bic", bic, "done", true));
    });
    app.get("/v1/admin/payments/{uetr}", ctx -> {
      as(ctx, Role.VIEWER);
      UUID uetr = JsonApi.uuidV4(ctx.pathParam("uetr"));
      Payment p = ApiServer.await(engine.query(v -> v.payment(uetr).orElse(null)));
      if (p == null) p = engine.storedPayment(uetr).orElse(null);
      if (p == null) throw new RejectException("NOOR", "no payment " + uetr);
      var m = bankApi.bankView(p);
      m.put("step", p.step());
      m.put("sender", p.senderBic());
      m.put("history", inbox.history(uetr));
      ctx.json(m);
    });
    app.get("/v1/admin/queues", ctx -> {
      as(ctx, Role.VIEWER);
      ctx.json(ApiServer.await(engine.query(v -> {
        var m = new LinkedHashMap<String, Object>();
        for (Priority pr : Priority.values()) m.put(pr.name(), v.queues().countByPriority(pr));
        m.put("total", v.queues().size());
        return m;
      })));
    });
    app.get("/v1/admin/accounts", ctx -> {
      as(ctx, Role.VIEWER);
      ctx.json(ApiServer.await(engine.query(v -> {
        var out = new ArrayList<Map<String, Object>>();
        for (var p : v.participants()) {
          var m = bankApi.accountView(v.balance(p.bic()));
          m.put("name", p.name());
          m.put("country", p.country());
          out.add(m);
        }
        return out;
      })));
    });
    app.get("/v1/admin/cases", ctx -> {
      as(ctx, Role.VIEWER);
      boolean all = "all".equals(ctx.queryParam("status"));
      ctx.json(ApiServer.await(engine.query(v -> v.holds(!all))));
    });
    app.post("/v1/admin/cases/{uetr}/release", ctx -> {
      UUID uetr = JsonApi.uuidV4(ctx.pathParam("uetr"));
      var body = readObject(ctx);
      String status = cases.release(OperatorServer.principal(ctx), uetr, JsonApi.text(body, "reason", true));
      ctx.json(Map.of("uetr", uetr.toString(), "status", status));
    });
    app.post("/v1/admin/cases/{uetr}/reject", ctx -> {
      UUID uetr = JsonApi.uuidV4(ctx.pathParam("uetr"));
      var body = readObject(ctx);
      String code = JsonApi.text(body, "reasonCode", false);
      cases.reject(OperatorServer.principal(ctx), uetr, code, JsonApi.text(body, "reason", true));
      ctx.json(Map.of("uetr", uetr.toString(), "status", "rejected"));
    });
    app.post("/v1/admin/day-close", ctx -> {
      var p = as(ctx, Role.SUPERVISOR);
      var body = readObject(ctx);
      String date = JsonApi.text(body, "businessDate", true);
      try {
        java.time.LocalDate.parse(date);
      } catch (java.time.format.DateTimeParseException e) {
        throw new JsonApi.BadRequest("FF01", "businessDate: yyyy-MM-dd");
      }
      int statements = ApiServer.await(engine.dayClose(p.name(), date));
      ctx.json(Map.of("businessDate", date, "statements", statements));
    });
    app.get("/v1/admin/invariants", ctx -> {
      as(ctx, Role.VIEWER);
      try {
        ctx.json(ApiServer.await(engine.query(NodeEngine.View::verifyInvariants)));
      } catch (IllegalStateException | org.rialto.ledger.InvariantViolationError e) {
        ctx.status(500).json(Map.of("conserved", false, "error", e.getMessage()));
      }
    });
  }

  static Role role(String text) {
    try {
      return Role.valueOf(text);
    } catch (IllegalArgumentException e) {
      throw new JsonApi.BadRequest("FF01", "role: VIEWER, OPERATOR, SUPERVISOR or ADMINISTRATOR");
    }
  }

  static Map<String, Object> change(DualAction a) {
    var m = new LinkedHashMap<String, Object>();
    m.put("id", a.id());
    m.put("kind", a.kind().name());
    m.put("subject", a.subject());
    m.put("details", a.details());
    m.put("state", a.state().name());
    m.put("proposedBy", a.proposedBy());
    m.put("proposedAt", a.proposedAt().toString());
    m.put("expiresAt", a.expiresAt().toString());
    if (a.decidedBy() != null) {
      m.put("decidedBy", a.decidedBy());
      m.put("decidedAt", a.decidedAt().toString());
    }
    return m;
  }

  private ObjectNode readObject(Context ctx) {
    return JsonApi.readObject(json, ctx.bodyAsBytes());
  }

}
