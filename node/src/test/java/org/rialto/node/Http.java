package org.rialto.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A bank's view of a node over real HTTP. */
final class Http {
  static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  Http(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  record Response(int status, JsonNode body, String raw) {}

  Response post(String bic, String path, String body) throws Exception {
    var b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
    if (bic != null) b.header("X-Rialto-Participant", bic);
    return send(b.build());
  }

  Response put(String bic, String path, String body) throws Exception {
    var b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .PUT(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
    if (bic != null) b.header("X-Rialto-Participant", bic);
    return send(b.build());
  }

  Response get(String bic, String path) throws Exception {
    var b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(40)).GET();
    if (bic != null) b.header("X-Rialto-Participant", bic);
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
