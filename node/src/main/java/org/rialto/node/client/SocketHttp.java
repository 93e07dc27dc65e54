package org.rialto.node.client;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayDeque;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.rialto.security.tls.TlsConfig;

/**
 * Blocking HTTP/1.1 over kept-alive TLS sockets, one request per connection at a time, for the
 * peer link's POSTs. The JDK's {@code java.net.http} client hands every request and answer
 * between its caller, its selector thread and its executor through reactive-streams stages; on
 * the peer link that machinery cost more CPU than the TLS records it carried, and its code (about
 * 250 methods) was still being compiled minutes into a run. Here the calling thread writes the
 * request and reads the answer itself on a socket it owns for the exchange.
 *
 * <p>The TLS context and parameters are the link's own (mutual TLS 1.3, the server judged by the
 * link's verifier as the one pinned node); what this class adds is framing only. Connections are
 * pooled up to {@link #MAX_IDLE_CONNECTIONS}; one idle longer than {@link #MAX_IDLE_MILLIS} is
 * closed rather than reused (the server may have dropped it). A reused connection that fails
 * before any byte of the answer arrived is replaced once by a new one: the peer link's messages
 * are safe to send twice (the peer deduplicates by UETR and answers a repeat as before).
 */
final class SocketHttp implements AutoCloseable {
  static final int MAX_IDLE_CONNECTIONS = 8;
  static final long MAX_IDLE_MILLIS = 10_000;
  static final int MAX_HEADER_BYTES = 64 * 1024;
  private static final int BUFFER_BYTES = 64 * 1024;

  /** An answer as read: status, body, and the headers the link needs. */
  record Answer(int status, byte[] body, String contentType, String signature, X509Certificate server) {}

  private final String host;
  private final int port;
  private final String hostHeader;
  private final SSLContext context;
  private final int connectTimeoutMillis;
  private final int maxAnswerBytes;
  private final ArrayDeque<Connection> idle = new ArrayDeque<>();
  /** Connections in an exchange now: closed by {@link #close()}, which unblocks their threads (a socket read ignores interrupts). */
  private final java.util.Set<Connection> busy = new java.util.HashSet<>();
  private boolean closed;

  private static final class Connection {
    final SSLSocket socket;
    final OutputStream out;
    final InputStream in;
    long idleSinceMillis;

    Connection(SSLSocket socket) throws IOException {
      this.socket = socket;
      this.out = new BufferedOutputStream(socket.getOutputStream(), BUFFER_BYTES);
      this.in = new BufferedInputStream(socket.getInputStream(), BUFFER_BYTES);
    }

    void close() {
      try {
        socket.close();
      } catch (IOException e) {
        // Closing a broken connection: nothing left to do.
      }
    }
  }

  /** Thrown when a reused connection failed before any byte of the answer came back. */
  private static final class Stale extends IOException {
    Stale(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  SocketHttp(URI base, SSLContext context, int connectTimeoutMillis, int maxAnswerBytes) {
    if (!"https".equals(base.getScheme())) throw new IllegalArgumentException("https only: " + base);
    this.host = base.getHost();
    this.port = base.getPort() < 0 ? 443 : base.getPort();
    this.hostHeader = host + ':' + port;
    this.context = context;
    this.connectTimeoutMillis = connectTimeoutMillis;
    this.maxAnswerBytes = maxAnswerBytes;
  }

  /** POSTs {@code body} to {@code path} with its signature header; the answer read whole, within {@code timeoutMillis}. */
  Answer post(String path, byte[] body, String contentType, String signatureHeader, String signature, long timeoutMillis)
      throws IOException {
    if (path.indexOf('\r') >= 0 || path.indexOf('\n') >= 0 || signature.indexOf('\r') >= 0 || signature.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("no line breaks in a request line or header");
    }
    byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nContent-Type: " + contentType + "\r\n"
        + signatureHeader + ": " + signature + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    long deadline = System.currentTimeMillis() + timeoutMillis;
    Connection c = take();
    boolean reused = c != null;
    if (c == null) c = open(timeoutMillis);
    if (!busy(c)) throw new IOException("link closed");
    try {
      return exchange(c, head, body, deadline, reused);
    } catch (Stale e) {
      c = open(Math.max(1, deadline - System.currentTimeMillis()));
      if (!busy(c)) throw new IOException("link closed");
      return exchange(c, head, body, deadline, false);
    }
  }

  private Answer exchange(Connection c, byte[] head, byte[] body, long deadline, boolean reused) throws IOException {
    boolean keep = false;
    try {
      boolean[] started = new boolean[1];
      Read a;
      try {
        c.socket.setSoTimeout(remaining(deadline));
        c.out.write(head);
        c.out.write(body);
        c.out.flush();
        a = read(c, deadline, started);
      } catch (IOException e) {
        if (reused && !started[0] && !(e instanceof java.net.SocketTimeoutException)) throw new Stale(e);
        throw e;
      }
      keep = !a.closeAfter;
      return a.answer;
    } finally {
      if (keep) {
        give(c);
      } else {
        synchronized (idle) {
          busy.remove(c);
        }
        c.close();
      }
    }
  }

  private record Read(Answer answer, boolean closeAfter) {}

  private Read read(Connection c, long deadline, boolean[] started) throws IOException {
    int first = c.in.read();
    if (first < 0) throw new EOFException("connection closed by the server");
    started[0] = true;
    int[] headerBytes = {0};
    String statusLine = (char) first + line(c.in, headerBytes);
    if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) throw new IOException("bad status line: " + statusLine);
    int status;
    try {
      status = Integer.parseInt(statusLine.substring(9, 12));
    } catch (NumberFormatException e) {
      throw new IOException("bad status line: " + statusLine);
    }
    long contentLength = -1;
    boolean chunked = false;
    boolean closeAfter = false;
    String contentType = "";
    String signature = null;
    for (String h = line(c.in, headerBytes); !h.isEmpty(); h = line(c.in, headerBytes)) {
      int colon = h.indexOf(':');
      if (colon < 0) continue;
      String name = h.substring(0, colon).trim();
      String value = h.substring(colon + 1).trim();
      if (name.equalsIgnoreCase("Content-Length")) {
        try {
          contentLength = Long.parseLong(value);
        } catch (NumberFormatException e) {
          throw new IOException("bad Content-Length: " + value);
        }
      } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
        chunked = value.equalsIgnoreCase("chunked");
      } else if (name.equalsIgnoreCase("Connection")) {
        closeAfter = value.equalsIgnoreCase("close");
      } else if (name.equalsIgnoreCase("Content-Type")) {
        contentType = value;
      } else if (name.equalsIgnoreCase(org.rialto.node.security.NodeSecurity.SIGNATURE_HEADER)) {
        signature = value;
      }
    }
    byte[] body;
    if (chunked) {
      var buffer = new ByteArrayOutputStream();
      while (true) {
        c.socket.setSoTimeout(remaining(deadline));
        String size = line(c.in, headerBytes);
        int semicolon = size.indexOf(';');
        int n;
        try {
          n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
        } catch (NumberFormatException e) {
          throw new IOException("bad chunk size: " + size);
        }
        if (n < 0 || (long) buffer.size() + n > maxAnswerBytes) throw new IOException("answer larger than " + maxAnswerBytes + " bytes");
        if (n == 0) {
          while (!line(c.in, headerBytes).isEmpty()) {
            // Trailers: none are sent; skipped within the header bound.
          }
          break;
        }
        byte[] chunk = c.in.readNBytes(n);
        if (chunk.length != n) throw new EOFException("connection closed inside a chunk");
        buffer.write(chunk);
        line(c.in, headerBytes);
      }
      body = buffer.toByteArray();
    } else if (contentLength >= 0) {
      if (contentLength > maxAnswerBytes) throw new IOException("answer of " + contentLength + " bytes");
      body = c.in.readNBytes((int) contentLength);
      if (body.length != contentLength) throw new EOFException("connection closed inside an answer");
    } else {
      throw new IOException("answer without a length (HTTP " + status + ")");
    }
    X509Certificate server = (X509Certificate) c.socket.getSession().getPeerCertificates()[0];
    return new Read(new Answer(status, body, contentType, signature, server), closeAfter);
  }

  /** One header line without its CRLF; the bytes of all header lines of an answer are bounded. */
  private static String line(InputStream in, int[] headerBytes) throws IOException {
    var sb = new StringBuilder(64);
    while (true) {
      int b = in.read();
      if (b < 0) throw new EOFException("connection closed by the server");
      if (++headerBytes[0] > MAX_HEADER_BYTES) throw new IOException("answer headers larger than " + MAX_HEADER_BYTES + " bytes");
      if (b == '\n') break;
      if (b != '\r') sb.append((char) b);
    }
    return sb.toString();
  }

  private static int remaining(long deadline) throws java.net.SocketTimeoutException {
    long left = deadline - System.currentTimeMillis();
    if (left <= 0) throw new java.net.SocketTimeoutException("request timed out");
    return (int) Math.min(Integer.MAX_VALUE, left);
  }

  private Connection open(long timeoutMillis) throws IOException {
    var s = (SSLSocket) context.getSocketFactory().createSocket();
    try {
      s.setSSLParameters(TlsConfig.clientParameters());
      s.setTcpNoDelay(true);
      s.setKeepAlive(true);
      s.setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, timeoutMillis)));
      s.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
      // The handshake here, under the read timeout, so a peer that accepts and stalls cannot hold the thread.
      s.startHandshake();
      return new Connection(s);
    } catch (IOException | RuntimeException e) {
      try {
        s.close();
      } catch (IOException ignored) {
        // The socket failed already.
      }
      throw e;
    }
  }

  private Connection take() {
    long now = System.currentTimeMillis();
    synchronized (idle) {
      Connection c;
      while ((c = idle.pollLast()) != null) {
        if (now - c.idleSinceMillis <= MAX_IDLE_MILLIS && !c.socket.isClosed()) return c;
        c.close();
      }
      return null;
    }
  }

  /** Marks {@code c} as in an exchange; false (and {@code c} closed) once this client is closed. */
  private boolean busy(Connection c) {
    synchronized (idle) {
      if (!closed) return busy.add(c);
    }
    c.close();
    return false;
  }

  private void give(Connection c) {
    c.idleSinceMillis = System.currentTimeMillis();
    synchronized (idle) {
      busy.remove(c);
      if (!closed && idle.size() < MAX_IDLE_CONNECTIONS) {
        idle.addLast(c);
        return;
      }
    }
    c.close();
  }

  @Override
  public void close() {
    synchronized (idle) {
      closed = true;
      Connection c;
      while ((c = idle.pollFirst()) != null) c.close();
      for (Connection b : busy) b.close();
      busy.clear();
    }
  }
}
