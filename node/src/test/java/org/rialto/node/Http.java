package org.rialto.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.rialto.node.client.BankClient;

/**
 * A bank's view of a node over real HTTPS, or an operator's (signed in, on the operator listener).
 * Banks: each through its own mutual-TLS, signing client ({@link BankClient}, certificate from
 * {@link TestPki}); {@code bic == null} is a client without a certificate, the door that must
 * refuse it. Operators: {@link #operator(int, String)}, a session token as a bearer.
 */
public final class Http implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  private final int port;
  private final String nodeId;
  private final Map<String, BankClient> banks = new HashMap<>();
  private BankClient anonymous;
  // Operator mode only.
  private final HttpClient operatorClient;
  private final String bearer;

  /** Banks of node {@code nodeId} listening on {@code port}. */
  public Http(int port, String nodeId) {
    this.port = port;
    this.nodeId = nodeId;
    this.operatorClient = null;
    this.bearer = null;
  }

  /** The operator listener on {@code operatorPort}, without a session. */
  Http(int operatorPort) {
    this(operatorPort, TestPki.operatorClient().build(), null);
  }

  private Http(int operatorPort, HttpClient client, String bearer) {
    this.port = operatorPort;
    this.nodeId = null;
    this.operatorClient = client;
    this.bearer = bearer;
  }

  /** Signs in on the operator listener and returns a client that sends the session as a bearer token. */
  static Http operator(int operatorPort, String name) throws Exception {
    var client = TestPki.operatorClient().build();
    var r = new Http(operatorPort, client, null).post(null, "/v1/admin/session",
        "{\"name\":\"" + name + "\",\"password\":\"" + TestOperators.PASSWORD + "\"}");
    if (r.status() != 201) throw new IllegalStateException("sign-in of " + name + " failed: " + r.raw());
    return new Http(operatorPort, client, r.body().get("token").asText());
  }

  record Response(int status, JsonNode body, String raw) {}

  public synchronized BankClient client(String bic) {
    if (operatorClient != null) throw new IllegalStateException("an operator's client has no bank identity");
    if (bic == null) {
      if (anonymous == null) {
        anonymous = BankClient.withoutCertificate(URI.create("https://127.0.0.1:" + port), nodeId, TestPki.caCertificate(nodeId));
      }
      return anonymous;
    }
    return banks.computeIfAbsent(bic, b -> TestPki.bank(port, nodeId, b));
  }

  Response post(String bic, String path, String body) throws Exception {
    if (operatorClient != null) return operatorSend(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)));
    return wrap(client(bic).send("POST", path, body, Map.of()));
  }

  Response put(String bic, String path, String body) throws Exception {
    if (operatorClient != null) return operatorSend(HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.ofString(body)));
    return wrap(client(bic).send("PUT", path, body, Map.of()));
  }

  Response delete(String path) throws Exception {
    if (operatorClient == null) throw new IllegalStateException("banks do not delete");
    return operatorSend(HttpRequest.newBuilder(uri(path)).DELETE());
  }

  Response get(String bic, String path) throws Exception {
    if (operatorClient != null) return operatorSend(HttpRequest.newBuilder(uri(path)).GET());
    return wrap(client(bic).get(path));
  }

  private URI uri(String path) {
    // The operator listener is HTTPS with the node's certificate (the node CA trusted, as an operator's machine does).
    return URI.create("https://127.0.0.1:" + port + path);
  }

  private Response operatorSend(HttpRequest.Builder b) throws Exception {
    b.timeout(Duration.ofSeconds(40)).header("Content-Type", "application/json");
    if (bearer != null) b.header("Authorization", "Bearer " + bearer);
    var r = operatorClient.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Response(r.statusCode(), parse(r.body()), r.body());
  }

  static Response wrap(BankClient.Response r) {
    String raw = r.text();
    return new Response(r.status(), parse(raw), raw);
  }

  private static JsonNode parse(String raw) {
    try {
      return JSON.readTree(raw);
    } catch (Exception e) {
      return null; // Not JSON (XML answers); the raw body is kept.
    }
  }

  @Override
  public synchronized void close() {
    banks.values().forEach(BankClient::close);
    banks.clear();
    if (anonymous != null) anonymous.close();
    anonymous = null;
  }

  static String payment(String uetr, String debtor, String creditor, String amount, String currency) {
    return "{\"uetr\":\"" + uetr + "\",\"debtorAgent\":\"" + debtor + "\",\"creditorAgent\":\"" + creditor
        + "\",\"amount\":\"" + amount + "\",\"currency\":\"" + currency + "\",\"debtor\":{\"name\":\"Debtor Ltd\"},"
        + "\"creditor\":{\"name\":\"Creditor Ltd\"}}";
  }
}
