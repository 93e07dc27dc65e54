package org.rialto.node.security;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Consumer;
import org.rialto.security.jws.Evidence;
import org.rialto.security.jws.JwsException;
import org.rialto.security.pki.CertificateVerifier;
import org.rialto.security.pki.Identity;

/**
 * The door of the bank and peer API. Before anything else looks at a request it establishes who
 * sent it from the TLS client certificate (never from a header), verifies the detached JWS over
 * the exact body bytes with that certificate's key, refuses replays, and hands the accepted
 * message to the evidence sink; after the route ran it signs the answer with the node's key.
 *
 * <p>Bank routes accept only participant certificates of this node's CA; the peer route only
 * node certificates of a pinned peer CA. Other routes (operator console and /v1/admin/*, health,
 * metrics, OpenAPI) are not bank or peer doors: operators sign in there (operator listener).
 */
public final class MessageGate {
  static final String IDENTITY = "rialto.identity";
  /** Jetty's SecureRequestCustomizer puts the verified client chain here. */
  static final String CHAIN = "jakarta.servlet.request.X509Certificate";
  private static final List<String> BANK_PREFIXES =
      List.of("/v1/payments", "/v1/accounts", "/v1/messages", "/v1/quotes", "/v1/fx/", "/iso20022");
  private static final String PEER_PREFIX = "/peer/";

  /** Why a message was refused at the door: HTTP status, ISO reason code, and what to do. */
  public static final class Refused extends RuntimeException {
    public final int status;
    public final String reasonCode;

    public Refused(int status, String reasonCode, String message) {
      super(message);
      this.status = status;
      this.reasonCode = reasonCode;
    }
  }

  private final NodeSecurity security;
  private final Consumer<List<Evidence>> evidence;

  /** @param evidence keeps accepted messages; called before the route acts on the message */
  public MessageGate(NodeSecurity security, Consumer<List<Evidence>> evidence) {
    this.security = security;
    this.evidence = evidence;
  }

  public void install(Javalin app) {
    app.before(this::before);
    app.after(this::after);
    // This node's CRL for its peers (their nodes refuse our revoked certificates with it). Signed
    // by the CA; the answer is signed by the node as every answer here.
    app.get(NodeSecurity.PEER_CRL_PATH, ctx -> ctx.contentType(org.rialto.node.client.PeerCrlClient.MEDIA_TYPE).result(security.ownCrl()));
  }

  enum Door { BANK, PEER, NONE }

  static Door door(String path) {
    if (path.startsWith(PEER_PREFIX)) return Door.PEER;
    for (String p : BANK_PREFIXES) {
      if (path.startsWith(p)) return Door.BANK;
    }
    return Door.NONE;
  }

  private void before(Context ctx) {
    Door door = door(ctx.path());
    if (door == Door.NONE) return;
    X509Certificate[] chain = (X509Certificate[]) ctx.req().getAttribute(CHAIN);
    if (!ctx.req().isSecure()) throw new Refused(403, "AG01", "the bank and peer API is served over TLS only");
    CertificateVerifier.Verdict verdict = security.judge(chain);
    Identity identity;
    X509Certificate certificate;
    switch (verdict) {
      case CertificateVerifier.Refused r -> throw new Refused(401, "AG01",
          "client certificate refused (" + r.reason() + "): " + r.message());
      case CertificateVerifier.Accepted a -> {
        identity = a.identity();
        certificate = a.certificate();
      }
    }
    String sender;
    if (door == Door.BANK) {
      if (!(identity instanceof Identity.Participant p)) {
        throw new Refused(403, "AG01", identity + " is not a participant: the bank API needs a participant certificate of this node's CA");
      }
      sender = p.bic();
    } else {
      if (!(identity instanceof Identity.PeerNode n) || !security.peers().contains(n.node())) {
        throw new Refused(403, "AG01", identity + " is not a configured peer node of " + security.nodeId());
      }
      // The CRL route itself is exempt from the freshness rule: two nodes each fetching the
      // other's CRL before answering would otherwise wait on each other.
      if (!ctx.path().equals(NodeSecurity.PEER_CRL_PATH)
          && security.peerRevocation(n.node(), chain) instanceof CertificateVerifier.Refused r) {
        throw new Refused(401, "AG01", "peer certificate refused (" + r.reason() + "): " + r.message());
      }
      sender = "node:" + n.node();
    }
    ctx.attribute(IDENTITY, identity);
    String method = ctx.method().name();
    if (method.equals("GET") || method.equals("HEAD")) return;
    String jws = ctx.header(NodeSecurity.SIGNATURE_HEADER);
    if (jws == null) {
      throw new Refused(401, "AG01", "missing " + NodeSecurity.SIGNATURE_HEADER
          + ": every message carries a detached JWS (RFC 7797) over the exact body, made with the key of your TLS certificate");
    }
    byte[] body = ctx.bodyAsBytes();
    Evidence accepted;
    try {
      accepted = security.verify(sender, certificate, jws, body);
    } catch (JwsException e) {
      String code = e.reason() == JwsException.Reason.REPLAYED ? "DUPL" : "AG01";
      throw new Refused(e.reason() == JwsException.Reason.REPLAYED ? 409 : 401, code, "signature refused (" + e.reason() + "): " + e.getMessage());
    }
    evidence.accept(List.of(accepted));
  }

  /** Every answer on this listener is signed, so a client never has to guess which ones are. */
  private void after(Context ctx) throws IOException {
    var stream = ctx.resultInputStream();
    byte[] body = stream == null ? new byte[0] : stream.readAllBytes();
    ctx.result(body);
    ctx.header(NodeSecurity.SIGNATURE_HEADER, security.sign(body));
  }

  /** The caller as its certificate names it; set by the gate on every bank and peer route. */
  public static Identity identity(Context ctx) {
    Identity id = ctx.attribute(IDENTITY);
    if (id == null) throw new Refused(401, "AG01", "no verified client certificate on this request");
    return id;
  }

  /** The calling bank's BIC, from its certificate. */
  public static String participant(Context ctx) {
    if (identity(ctx) instanceof Identity.Participant p) return p.bic();
    throw new Refused(403, "AG01", "a participant certificate is required");
  }

  /** The calling peer node, from its certificate. */
  public static String peerNode(Context ctx) {
    if (identity(ctx) instanceof Identity.PeerNode n) return n.node();
    throw new Refused(403, "AG01", "a peer node certificate is required");
  }
}
