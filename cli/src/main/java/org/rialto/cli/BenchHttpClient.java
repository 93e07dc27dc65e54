package org.rialto.cli;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The load generator's HTTP/1.1 client: one kept-alive connection, one request at a time, bytes
 * in and out with nothing in between. The benches share two cores with the node they measure, so
 * the client must cost as little as possible; a general-purpose client (java.net.http) spends
 * more CPU per request than the node's own work on a small payment.
 */
final class BenchHttpClient implements AutoCloseable {
  /** Answers are pacs.002 documents and JSON lists of at most a thousand payments. */
  static final int MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
  static final int MAX_HEADER_BYTES = 64 * 1024;
  static final int TIMEOUT_MILLIS = 60_000;

  record Response(int status, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final String host;
  private final int port;
  private final String nodeId;
  private final DemoPki pki;
  /** The identity is the TLS certificate: one connection per bank this client speaks for. */
  private String connectedAs;
  private javax.net.ssl.SSLSocket socket;
  private OutputStream out;
  private InputStream in;

  BenchHttpClient(String host, int port, String nodeId, DemoPki pki) {
    this.host = host;
    this.port = port;
    this.nodeId = nodeId;
    this.pki = pki;
  }

  Response post(String path, String participant, String contentType, byte[] body) throws IOException {
    var key = pki.bank(nodeId, participant);
    String jws = org.rialto.security.jws.DetachedJws.sign(body, key.key(), org.rialto.security.jws.JwsAlgorithm.ES256,
        key.chain()[0].getSerialNumber().toString(), java.util.UUID.randomUUID().toString(), java.time.Instant.now());
    var head = new StringBuilder(400)
        .append("POST ").append(path).append(" HTTP/1.1\r\nHost: ").append(host).append(':').append(port)
        .append("\r\nContent-Type: ").append(contentType)
        .append("\r\nX-JWS-Signature: ").append(jws)
        .append("\r\nContent-Length: ").append(body.length).append("\r\n\r\n");
    return exchange(participant, head.toString().getBytes(StandardCharsets.US_ASCII), body);
  }

  Response get(String path, String participant) throws IOException {
    String head = "GET " + path + " HTTP/1.1\r\nHost: " + host + ':' + port + "\r\n\r\n";
    return exchange(participant, head.getBytes(StandardCharsets.US_ASCII), new byte[0]);
  }

  private Response exchange(String participant, byte[] head, byte[] body) throws IOException {
    if (socket != null && !participant.equals(connectedAs)) close();
    if (socket == null) connect(participant);
    try {
      out.write(head);
      out.write(body);
      out.flush();
      return read();
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  /** Opens the connection for {@code participant} now (TLS handshake included), so no measured request pays for it. */
  void connectAs(String participant) throws IOException {
    if (socket != null && !participant.equals(connectedAs)) close();
    if (socket == null) connect(participant);
  }

  private void connect(String participant) throws IOException {
    var s = (javax.net.ssl.SSLSocket) pki.bankContext(nodeId, participant).getSocketFactory().createSocket();
    s.setSSLParameters(org.rialto.security.tls.TlsConfig.clientParameters());
    s.setTcpNoDelay(true);
    s.setSoTimeout(TIMEOUT_MILLIS);
    s.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
    s.startHandshake();
    socket = s;
    connectedAs = participant;
    out = new java.io.BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
  }

  private Response read() throws IOException {
    String statusLine = line();
    if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) throw new IOException("bad status line: " + statusLine);
    int status = Integer.parseInt(statusLine.substring(9, 12));
    int contentLength = -1;
    boolean chunked = false;
    boolean closeAfter = false;
    int headerBytes = 0;
    String signature = null;
    for (String h = line(); !h.isEmpty(); h = line()) {
      headerBytes += h.length();
      if (headerBytes > MAX_HEADER_BYTES) throw new IOException("response headers larger than " + MAX_HEADER_BYTES);
      int colon = h.indexOf(':');
      if (colon < 0) continue;
      String name = h.substring(0, colon).trim();
      String value = h.substring(colon + 1).trim();
      if (name.equalsIgnoreCase("Content-Length")) contentLength = Integer.parseInt(value);
      else if (name.equalsIgnoreCase("Transfer-Encoding")) chunked = value.equalsIgnoreCase("chunked");
      else if (name.equalsIgnoreCase("Connection")) closeAfter = value.equalsIgnoreCase("close");
      else if (name.equalsIgnoreCase("X-JWS-Signature")) signature = value;
    }
    byte[] body;
    if (chunked) {
      var buffer = new java.io.ByteArrayOutputStream();
      while (true) {
        String size = line();
        int semicolon = size.indexOf(';');
        int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
        if (n == 0) {
          while (!line().isEmpty()) {
            // trailers, none expected
          }
          break;
        }
        if (buffer.size() + n > MAX_RESPONSE_BYTES) throw new IOException("response larger than " + MAX_RESPONSE_BYTES);
        buffer.write(in.readNBytes(n));
        line();
      }
      body = buffer.toByteArray();
    } else if (contentLength >= 0) {
      if (contentLength > MAX_RESPONSE_BYTES) throw new IOException("response larger than " + MAX_RESPONSE_BYTES);
      body = in.readNBytes(contentLength);
      if (body.length != contentLength) throw new EOFException("connection closed inside a response body");
    } else {
      throw new IOException("response without length (HTTP " + status + ")");
    }
    // The node signs every answer with its TLS certificate's key; an answer that does not verify is not one.
    if (signature == null) throw new IOException("unsigned answer (HTTP " + status + ")");
    var server = socket.getSession().getPeerCertificates()[0];
    org.rialto.security.jws.DetachedJws.verify(signature, body, server.getPublicKey(),
        java.util.EnumSet.allOf(org.rialto.security.jws.JwsAlgorithm.class));
    if (closeAfter) close();
    return new Response(status, body);
  }

  private String line() throws IOException {
    var sb = new StringBuilder(64);
    while (true) {
      int b = in.read();
      if (b < 0) throw new EOFException("connection closed by the node");
      if (b == '\n') break;
      if (b != '\r') sb.append((char) b);
      if (sb.length() > MAX_HEADER_BYTES) throw new IOException("header line too long");
    }
    return sb.toString();
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // Closing a broken connection: nothing left to do.
      }
    }
    socket = null;
  }
}
