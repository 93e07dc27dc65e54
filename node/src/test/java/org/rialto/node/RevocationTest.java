package org.rialto.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rialto.node.Participants.A;
import static org.rialto.node.Participants.IR_CB;
import static org.rialto.node.Participants.RU_CB;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rialto.node.client.BankClient;
import org.rialto.node.client.NodeLinkException;
import org.rialto.node.client.PeerClient;
import org.rialto.node.config.NodeConfig;

/**
 * Issue 7, revocation reaching a running node: a bank revoked at its node's CA is refused on its
 * next request over the connection it already has; a node revoked at its own CA is refused by
 * its peer once the peer has fetched that CA's CRL (GET /peer/v1/crl), and a peer whose CRL
 * cannot be fetched for longer than the configured age is refused (fail-closed).
 */
class RevocationTest {
  static final String RU = "RU-CRL";
  static final String IR = "IR-CRL";

  @TempDir Path dir;

  NodeConfig ru() {
    return new NodeConfig(RU, new NodeConfig.CurrencyConfig("RUB", 2), RU_CB,
        new NodeConfig.ListenConfig("127.0.0.1", 0), new NodeConfig.StoreConfig(dir.resolve("ru.db").toString()), null,
        List.of(new NodeConfig.ParticipantConfig(RU_CB, "Central Bank", "RU", "0", "0"),
            new NodeConfig.ParticipantConfig(A, "Bank A", "RU", "0", "100.00")),
        List.of(), List.of(), null, null, null).withSecurity(TestPki.security(RU, IR));
  }

  NodeConfig ir(int ruPort) {
    return ir(IR, RU, ruPort);
  }

  NodeConfig ir(String ir, String ru, int ruPort) {
    return new NodeConfig(ir, new NodeConfig.CurrencyConfig("IRR", 0), IR_CB,
        new NodeConfig.ListenConfig("127.0.0.1", 0), new NodeConfig.StoreConfig(dir.resolve(ir + ".db").toString()), null,
        List.of(new NodeConfig.ParticipantConfig(IR_CB, "Central Bank", "IR", "0", "0")),
        List.of(new NodeConfig.PeerConfig(ru, "https://127.0.0.1:" + ruPort, new NodeConfig.CurrencyConfig("RUB", 2), List.of("RU"))),
        List.of(), null, null, null).withSecurity(TestPki.security(ir, ru).withPeerCrl(1, 3));
  }

  /** The status of a call, or -1 when the handshake itself refused it. */
  static int status(java.util.function.Supplier<BankClient.Response> call, StringBuilder text) {
    try {
      var r = call.get();
      text.setLength(0);
      text.append(r.text());
      return r.status();
    } catch (NodeLinkException e) {
      text.setLength(0);
      text.append(e.getMessage());
      return -1;
    }
  }

  @Test
  void aBankRevokedWhileConnectedIsRefusedOnItsNextRequest() throws Exception {
    try (Node node = Node.start(ru(), new TestClock(Instant.parse("2026-11-23T09:00:00Z")))) {
      var key = TestPki.issue(RU, A, 30, Instant.now());
      try (var bank = new BankClient(URI.create("https://127.0.0.1:" + node.port()), RU, TestPki.caCertificate(RU), key)) {
        assertThat(bank.get("/v1/accounts/" + A).status()).isEqualTo(200);
        TestPki.ca(RU).revokeSerial(key.chain()[0].getSerialNumber().longValueExact(), Instant.now());
        // The node looks at its CRL file at most every half second.
        Thread.sleep(700);
        var text = new StringBuilder();
        int refused = status(() -> bank.get("/v1/accounts/" + A), text);
        assertThat(refused).as(text.toString()).isIn(401, -1);
        if (refused == 401) assertThat(text).contains("REVOKED");
      }
    }
  }

  @Test
  void aPeerRevokedAtItsCaIsRefusedAfterTheNextCrlFetchAndAnUnfetchableCrlFailsClosed() throws Exception {
    byte[] junk = "<not-a-message/>".getBytes(StandardCharsets.UTF_8);
    try (Node ru = Node.start(ru(), new TestClock(Instant.parse("2026-11-23T09:00:00Z")))) {
      Node ir = Node.start(ir(ru.port()), new TestClock(Instant.parse("2026-11-23T09:00:00Z")));
      try (ir; PeerClient ruToIr = TestPki.peer(RU, IR, ir.port())) {
        var text = new StringBuilder();
        int before = status(() -> ruToIr.exchange(junk, "application/xml"), text);
        assertThat(before).as("RU passes IR's door before revocation: " + text).isNotIn(-1, 401, 403);
        long nodeSerial = TestPki.nodeKey(RU).chain()[0].getSerialNumber().longValueExact();
        TestPki.ca(RU).revokeSerial(nodeSerial, Instant.now());
        // IR fetches RU's CRL every second: within a few seconds RU's calls are refused.
        long deadline = System.nanoTime() + 15_000_000_000L;
        int after = before;
        while (System.nanoTime() < deadline) {
          after = status(() -> ruToIr.exchange(junk, "application/xml"), text);
          if (after == -1 || after == 401) break;
          Thread.sleep(200);
        }
        assertThat(after).as(text.toString()).isIn(401, -1);
        if (after == 401) assertThat(text).contains("REVOKED");
      }
    }
  }

  @Test
  void aPeerWhoseCrlCannotBeFetchedIsRefusedOnceItsCrlIsTooOld() throws Exception {
    // Node RU-CRL3 is not running, so IR-CRL3 cannot fetch its CRL: within peerCrlMaxAgeSeconds
    // (3) of IR's start RU's certificate is accepted on the pinned CA, after that refused.
    int unused;
    try (var s = new java.net.ServerSocket(0)) {
      unused = s.getLocalPort();
    }
    long started = System.nanoTime();
    try (Node ir = Node.start(ir("IR-CRL3", "RU-CRL3", unused), new TestClock(Instant.parse("2026-11-23T09:00:00Z")));
        PeerClient ruToIr = TestPki.peer("RU-CRL3", "IR-CRL3", ir.port())) {
      byte[] junk = "<not-a-message/>".getBytes(StandardCharsets.UTF_8);
      var text = new StringBuilder();
      int early = status(() -> ruToIr.exchange(junk, "application/xml"), text);
      if (System.nanoTime() - started < 2_500_000_000L) {
        assertThat(early).as("accepted while the start is recent: " + text).isNotIn(-1, 401, 403);
      }
      Thread.sleep(Math.max(0, 3_500 - (System.nanoTime() - started) / 1_000_000));
      int late = status(() -> ruToIr.exchange(junk, "application/xml"), text);
      assertThat(late).as(text.toString()).isEqualTo(401);
      assertThat(text).contains("REVOCATION_UNKNOWN");
    }
  }
}
