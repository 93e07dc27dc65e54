package org.rialto.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rialto.node.client.NodeLinkException;
import org.rialto.node.client.PeerClient;

/**
 * The peer link's POSTs go over its own kept-alive TLS sockets (not the JDK HttpClient): what
 * arrives is the signed request as sent, an answer counts only with a valid signature by the
 * peer's TLS key, and a pooled connection the peer dropped meanwhile is replaced, not reported
 * as the link being down.
 */
class PeerLinkSocketTest {
  HttpServer peer;
  int port;
  final AtomicInteger requests = new AtomicInteger();
  /** How the scripted peer signs its answer to a body: by default as node IR-NODE over exactly that body. */
  final AtomicReference<java.util.function.Function<byte[], String>> signer =
      new AtomicReference<>(body -> TestPki.signAsNode("IR-NODE", body));

  void startPeer() throws Exception {
    peer = TestPki.peerServer("IR-NODE", "RU-NODE", port);
    peer.createContext(PeerClient.PATH, exchange -> {
      requests.incrementAndGet();
      byte[] request = exchange.getRequestBody().readAllBytes();
      // The answer echoes the request and the signature header it came with, so the test sees both arrived.
      String sig = exchange.getRequestHeaders().getFirst("X-JWS-Signature");
      byte[] body = ("echo:" + new String(request, StandardCharsets.UTF_8) + "|signed:" + (sig != null)).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/plain");
      String answerSig = signer.get().apply(body);
      if (answerSig != null) exchange.getResponseHeaders().add("X-JWS-Signature", answerSig);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    peer.start();
  }

  @AfterEach
  void stop() {
    if (peer != null) peer.stop(0);
  }

  @Test
  void aDroppedKeptAliveConnectionIsReplacedAndAnswersMustBeSignedByThePeer() throws Exception {
    try (var s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    startPeer();
    try (PeerClient link = TestPki.peer("RU-NODE", "IR-NODE", port)) {
      var first = link.exchange("one".getBytes(StandardCharsets.UTF_8), "application/xml");
      assertThat(first.status()).isEqualTo(200);
      assertThat(first.text()).isEqualTo("echo:one|signed:true");
      assertThat(first.contentType()).isEqualTo("text/plain");

      // The peer goes away and comes back on the same port: the link's pooled connection is dead.
      peer.stop(0);
      startPeer();
      var second = link.exchange("two".getBytes(StandardCharsets.UTF_8), "application/xml");
      assertThat(second.text()).isEqualTo("echo:two|signed:true");

      // An answer signed by someone else's key, or not signed, is no answer.
      signer.set(body -> TestPki.signAsNode("RU-NODE", body));
      assertThatThrownBy(() -> link.exchange("three".getBytes(StandardCharsets.UTF_8), "application/xml"))
          .isInstanceOf(RuntimeException.class);
      signer.set(body -> null);
      assertThatThrownBy(() -> link.exchange("four".getBytes(StandardCharsets.UTF_8), "application/xml"))
          .isInstanceOf(NodeLinkException.class).hasMessageContaining("not signed");
      signer.set(body -> TestPki.signAsNode("IR-NODE", body));
      assertThat(link.exchange("five".getBytes(StandardCharsets.UTF_8), "application/xml").text()).isEqualTo("echo:five|signed:true");

      // A peer that is down is a link failure the dispatcher backs off from.
      peer.stop(0);
      peer = null;
      assertThatThrownBy(() -> link.exchange("six".getBytes(StandardCharsets.UTF_8), "application/xml"))
          .isInstanceOf(NodeLinkException.class);
    }
  }
}
