package org.rialto.security.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rialto.security.pki.CaDirectory;
import org.rialto.security.pki.CertificateRefusedException;
import org.rialto.security.pki.CertificateVerifier;
import org.rialto.security.pki.Identity;
import org.rialto.security.pki.KeyAlgorithm;
import org.rialto.security.pki.NodeCa;
import org.rialto.security.pki.Pem;

/** A real JDK HTTPS server with the node's TLS context; every door tried with a real handshake. */
class MutualTlsTest {
  static final char[] PASSWORD = "correct horse battery".toCharArray();
  @TempDir static Path tmp;
  static CaDirectory ca;
  static CertificateVerifier verifier;
  static HttpsServer server;
  static int files;

  @BeforeAll
  static void start() throws IOException {
    Instant now = Instant.now();
    ca = CaDirectory.init(tmp.resolve("ru"), "ru", List.of("localhost"), now.minus(Duration.ofDays(100)));
    verifier = ca.verifier(List.of());
    SSLContext ctx = TlsConfig.serverContext(ca.nodeKey(), verifier, Clock.systemUTC());
    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.setHttpsConfigurator(new HttpsConfigurator(ctx) {
      @Override
      public void configure(HttpsParameters params) {
        params.setSSLParameters(TlsConfig.serverParameters());
      }
    });
    server.createContext("/whoami", exchange -> {
      String body;
      int status;
      try {
        Identity who = Identity.fromSession(((HttpsExchange) exchange).getSSLSession(), verifier, Instant.now());
        body = switch (who) {
          case Identity.Participant p -> p.bic();
          case Identity.PeerNode n -> "node " + n.node();
        };
        status = 200;
      } catch (CertificateRefusedException e) {
        body = e.getMessage();
        status = 403;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  static Pem.KeyAndChain participant(String bic, Instant at, int days) throws IOException {
    Path out = tmp.resolve(bic + "-" + (++files) + ".p12");
    ca.issueParticipant(bic, days, at, PASSWORD, out);
    return Pem.readPkcs12(Files.readAllBytes(out), PASSWORD);
  }

  /** Sends GET /whoami and returns the response (status line and body). */
  static String call(SSLContext client) throws IOException {
    try (SSLSocket s = (SSLSocket) client.getSocketFactory().createSocket("127.0.0.1", server.getAddress().getPort())) {
      s.setSoTimeout(10_000);
      s.setSSLParameters(TlsConfig.clientParameters());
      s.startHandshake();
      s.getOutputStream().write("GET /whoami HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (response.isEmpty()) {
        throw new IOException("connection closed without a response");
      }
      return response;
    }
  }

  static SSLContext clientWith(Pem.KeyAndChain key) {
    return TlsConfig.clientContext(key, verifier, Clock.systemUTC(), "ru");
  }

  @Test
  void validCertificateIsAcceptedAndNamesTheBank() throws IOException {
    String response = call(clientWith(participant("SABRRUMM", Instant.now().minus(Duration.ofDays(1)), 30)));
    assertThat(response).startsWith("HTTP/1.1 200").endsWith("SABRRUMM");
  }

  @Test
  void nodeCertificateAsClientIsThePeerNode() throws IOException {
    assertThat(call(clientWith(ca.nodeKey()))).startsWith("HTTP/1.1 200").endsWith("node ru");
  }

  @Test
  void noClientCertificateIsRefused() throws Exception {
    SSLContext anonymous = SSLContext.getInstance("TLSv1.3");
    anonymous.init(null, new javax.net.ssl.TrustManager[] {new TlsConfig.VerifierTrustManager(verifier, Clock.systemUTC(), new Identity.PeerNode("ru"))}, null);
    assertThatThrownBy(() -> call(anonymous)).isInstanceOf(IOException.class);
  }

  @Test
  void certificateOfAnotherCaIsRefused() {
    NodeCa rogue = NodeCa.create("ru", KeyAlgorithm.EC_P256, Instant.now().minus(Duration.ofDays(1)), 30);
    KeyPair keys = KeyAlgorithm.EC_P256.generate();
    var cert = rogue.issueParticipant("SABRRUMM", keys.getPublic(), 2, Instant.now().minus(Duration.ofDays(1)), 10);
    var key = new Pem.KeyAndChain(keys.getPrivate(), new java.security.cert.X509Certificate[] {cert, rogue.certificate()});
    assertThatThrownBy(() -> call(clientWith(key))).isInstanceOf(IOException.class);
  }

  @Test
  void expiredCertificateIsRefused() {
    assertThatThrownBy(() -> call(clientWith(participant("BKMTIRTH", Instant.now().minus(Duration.ofDays(40)), 30))))
        .isInstanceOf(IOException.class);
  }

  @Test
  void revokedCertificateIsRefused() throws IOException {
    Pem.KeyAndChain key = participant("VTBRRUMM", Instant.now().minus(Duration.ofDays(1)), 30);
    assertThat(call(clientWith(key))).startsWith("HTTP/1.1 200");
    ca.revokeParticipant("VTBRRUMM", Instant.now());
    verifier.installCrl(ca.crl());
    // A fresh context: a resumed session would reach Identity.fromSession, which refuses too (403).
    assertThatThrownBy(() -> {
      String r = call(clientWith(key));
      if (r.startsWith("HTTP/1.1 403")) {
        throw new IOException("refused after resumption: " + r);
      }
    }).isInstanceOf(IOException.class);
  }

  @Test
  void clientRefusesAServerThatIsNotTheExpectedNode() throws IOException {
    Pem.KeyAndChain key = participant("SABRRUMM", Instant.now().minus(Duration.ofDays(1)), 30);
    SSLContext wrongPeer = TlsConfig.clientContext(key, verifier, Clock.systemUTC(), "ir");
    assertThatThrownBy(() -> call(wrongPeer)).isInstanceOf(IOException.class);
  }
}
