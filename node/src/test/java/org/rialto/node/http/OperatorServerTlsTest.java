package org.rialto.node.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rialto.node.Participants.RU_CB;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rialto.node.Node;
import org.rialto.node.config.NodeConfig;
import org.rialto.node.operators.OperatorAccess;
import org.rialto.security.operators.LoginPolicy;
import org.rialto.security.pki.CaDirectory;
import org.rialto.security.tls.TlsConfig;

/** The operator listener over TLS 1.3 with the node's own certificate, no client certificate asked. */
class OperatorServerTlsTest {
  @TempDir Path dir;

  @Test
  void servesOperatorsOverTls13WithTheNodesCertificate() throws Exception {
    var ca = CaDirectory.init(dir.resolve("ca"), "ru", List.of("localhost"), Instant.now().minus(Duration.ofDays(1)));
    SSLContext server = TlsConfig.serverContext(ca.nodeKey(), ca.verifier(List.of()), Clock.systemUTC());
    var config = new NodeConfig("RU-TLS", new NodeConfig.CurrencyConfig("RUB", 2), RU_CB,
        new NodeConfig.ListenConfig("127.0.0.1", 0), new NodeConfig.StoreConfig(dir.resolve("node.db").toString()), null,
        List.of(new NodeConfig.ParticipantConfig(RU_CB, "Central Bank", "RU", "0", "0")), List.of(), List.of(), null, null)
        .withSecurity(org.rialto.node.TestPki.security("RU-TLS"));
    try (Node node = Node.start(config, Clock.systemUTC());
        var tls = new OperatorServer("RU-TLS", node.engine(),
            new OperatorAccess(node.store(), node.engine(), LoginPolicy.DEFAULT, Clock.systemUTC()), new ObjectMapper(), server, List.of())) {
      int port = tls.start("127.0.0.1", 0);
      assertThat(tls.https()).isTrue();
      var trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("node-ca", ca.nodeKey().chain()[ca.nodeKey().chain().length - 1]);
      var tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      var client = SSLContext.getInstance("TLSv1.3");
      client.init(null, tmf.getTrustManagers(), null);
      var http = HttpClient.newBuilder().sslContext(client).connectTimeout(Duration.ofSeconds(5)).build();
      var r = http.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/health/live")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.sslSession().orElseThrow().getProtocol()).isEqualTo("TLSv1.3");
      var denied = http.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/v1/admin/whoami"))
          .header("Authorization", "Bearer nobody").GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(denied.statusCode()).isEqualTo(401);
      // Plain HTTP to the TLS port is not served: the connection fails or Jetty answers 400.
      int plain;
      try {
        plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/live"))
            .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode();
      } catch (java.io.IOException e) {
        plain = -1;
      }
      assertThat(plain).isNotEqualTo(200);
    }
  }

  NodeConfig node(String id) {
    return new NodeConfig(id, new NodeConfig.CurrencyConfig("RUB", 2), RU_CB,
        new NodeConfig.ListenConfig("127.0.0.1", 0), new NodeConfig.StoreConfig(dir.resolve(id + ".db").toString()), null,
        List.of(new NodeConfig.ParticipantConfig(RU_CB, "Central Bank", "RU", "0", "0")), List.of(), List.of(), null, null)
        .withOperatorPort(0).withSecurity(org.rialto.node.TestPki.security(id));
  }

  @Test
  void aNodesOperatorListenerIsHttpsByDefaultAndPlainHttpOnlyOnLoopbackWhenAsked() throws Exception {
    try (Node node = Node.start(node("RU-OPS"), Clock.systemUTC())) {
      assertThat(node.operatorHttps()).isTrue();
      // An operator's machine trusting the node CA (PKIX, host name checked against the certificate's IP SAN).
      var http = org.rialto.node.TestPki.operatorClient().build();
      var r = http.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + node.operatorPort() + "/health/live")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.sslSession().orElseThrow().getProtocol()).isEqualTo("TLSv1.3");
      // A client that does not trust the node CA is refused at the handshake.
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> HttpClient.newHttpClient().send(
              HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + node.operatorPort() + "/health/live")).GET().build(),
              HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
    }
    var plain = node("RU-OPS2");
    plain = plain.withSecurity(plain.security().withOperatorPlainHttp(true));
    try (Node node = Node.start(plain, Clock.systemUTC())) {
      assertThat(node.operatorHttps()).isFalse();
      var r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.operatorPort() + "/health/live"))
          .GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
    }
    var exposed = new NodeConfig("RU-OPS3", new NodeConfig.CurrencyConfig("RUB", 2), RU_CB,
        new NodeConfig.ListenConfig("127.0.0.1", 0), new NodeConfig.StoreConfig(dir.resolve("ops3.db").toString()), null,
        List.of(new NodeConfig.ParticipantConfig(RU_CB, "Central Bank", "RU", "0", "0")), List.of(), List.of(), null, null, null, null,
        new NodeConfig.ListenConfig("0.0.0.0", 0), null, org.rialto.node.TestPki.security("RU-OPS3").withOperatorPlainHttp(true));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Node.start(exposed, Clock.systemUTC()).close())
        .hasMessageContaining("loopback");
  }
}
