package org.rialto.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A bank's view of a node over real HTTP, or an operator's (signed in, on the operator listener). */
final class Http {
  static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String bearer;

  Http(int port) {
    this(port, null);
  }

  private Http(int port, String bearer) {
    this.base = "http://127.0.0.1:" + port;
    this.bearer = bearer;
  }

  /** Signs in on the operator listener and returns a client that sends the session as a bearer token. */
  static Http operator(int operatorPort, String name) throws Exception {
    var r = new Http(operatorPort).post(null, "/v1/admin/session",
        "{\"name\":\"" + name + "\",\"password\":\"" + TestOperators.PASSWORD + "\"}");
    if (r.status() != 201) throw new IllegalStateException("sign-in of " + name + " failed: " + r.raw());
    return new Http(operatorPort, r.body().get("token").asText());
  }

  record Response(int status, JsonNode body, String raw) {}

  Response post(String bic, String path, String body) throws Exception {
    var b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
    if (bic != null) b.header("X-Rialto-Participant", bic);
    if (bearer != null) b.header("Authorization", "Bearer " + bearer);
    return send(b.build());
  }

  Response put(String bic, String path, String body) throws Exception {
    var b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .PUT(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
    if (bic != null) b.header("X-Rialto-Participant", bic);
    if (bearer != null) b.header("Authorization", "Bearer " + bearer);
    return send(b.build());
  }

  Response delete(String path) throws Exception {
    var b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).DELETE();
    if (bearer != null) b.header("Authorization", "Bearer " + bearer);
    return send(b.build());
  }

  Response get(String bic, String path) throws Exception {
    var b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(40)).GET();
    if (bic != null) b.header("X-Rialto-Participant", bic);
    if (bearer != null) b.header("Authorization", "Bearer " + bearer);
    return send(b.build());
  }

  private Response send(HttpRequest request) throws Exception {
    var r = client.send(request, HttpResponse.BodyHandlers.ofString());
    JsonNode node = null;
    try {
      node = JSON.readTree(r.body());
    } catch (Exception e) {
      // Not JSON (XML answers); the raw body is kept.
    }
    return new Response(r.statusCode(), node, r.body());
  }

  static String payment(String uetr, String debtor, String creditor, String amount, String currency) {
    return "{\"uetr\":\"" + uetr + "\",\"debtorAgent\":\"" + debtor + "\",\"creditorAgent\":\"" + creditor
        + "\",\"amount\":\"" + amount + "\",\"currency\":\"" + currency + "\",\"debtor\":{\"name\":\"Debtor Ltd\"},"
        + "\"creditor\":{\"name\":\"Creditor Ltd\"}}";
  }
}
