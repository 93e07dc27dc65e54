package org.rialto.node.config;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks a bank port for a node started on loopback by a test, a benchmark or the demo, when its
 * peers must know the port before it starts. A node without {@code operatorListen} puts its
 * operator listener on the bank port + 1, so both are reserved. The ports come from below every
 * common ephemeral range (Linux 32768-60999, BSD, macOS and Windows 49152-65535), not from the
 * kernel's port 0: a port the kernel hands out for a listener is also one it hands out as the local
 * end of an outgoing connection, and between this check and the node's bind the first node of a
 * pair (its peer link, its CRL fetch) or a running bench opened enough connections to take one
 * (`bench corridor`, session 10: "Failed to bind to /127.0.0.1:34812").
 */
public final class FreePorts {
  /** Bounded: a loopback with no two free neighbouring ports is a broken machine, not bad luck. */
  private static final int MAX_ATTEMPTS = 200;
  /** The lowest first port of an ephemeral range among the common systems (Linux's 32768). */
  static final int EPHEMERAL_FLOOR = 32_768;
  /** Above the well-known and the most used registered ports. */
  static final int LOWEST_PORT = 20_000;
  /** Exclusive, leaving room for P + 1 below the ephemeral floor. */
  static final int HIGHEST_PORT = EPHEMERAL_FLOOR - 1;
  /** Every port handed out in this JVM (bank and operator), so no two nodes are given neighbours. */
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  private FreePorts() {}

  /** A port P such that P and P + 1 are free now and neither was handed out before in this JVM. */
  public static int bankAndOperator() throws IOException {
    return reserve(2);
  }

  /** One port, free now and not handed out before in this JVM (a listener whose port is configured on its own). */
  public static int one() throws IOException {
    return reserve(1);
  }

  private static int reserve(int count) throws IOException {
    assert count >= 1 && count <= 2 : "a node listens on at most two ports";
    var loopback = InetAddress.getLoopbackAddress();
    var random = java.util.concurrent.ThreadLocalRandom.current();
    search:
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      int port = random.nextInt(LOWEST_PORT, HIGHEST_PORT);
      for (int p = port; p < port + count; p++) {
        if (HANDED_OUT.contains(p) || !free(p, loopback)) continue search;
      }
      if (!HANDED_OUT.add(port)) continue;
      for (int p = port + 1; p < port + count; p++) HANDED_OUT.add(p);
      assert port + count <= EPHEMERAL_FLOOR : "a node's port must stay below the ephemeral ranges";
      return port;
    }
    throw new IOException("no " + count + " neighbouring free ports on loopback in " + LOWEST_PORT + "-" + HIGHEST_PORT
        + " after " + MAX_ATTEMPTS + " attempts");
  }

  /** Free now; closed at once: the node binds it moments later. */
  private static boolean free(int port, InetAddress loopback) {
    try (var s = new ServerSocket(port, 1, loopback)) {
      return true;
    } catch (IOException taken) {
      return false;
    }
  }
}
