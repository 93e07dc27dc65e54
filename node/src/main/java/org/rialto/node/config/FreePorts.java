package org.rialto.node.config;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks a bank port for a node started on loopback by a test, a benchmark or the demo, when its
 * peers must know the port before it starts. A node without {@code operatorListen} puts its
 * operator listener on the bank port + 1, so two nodes given neighbouring ephemeral ports (the
 * kernel often hands them out in sequence) would collide on that second port: this reserves both.
 */
public final class FreePorts {
  /** Bounded: a loopback with no two free neighbouring ports is a broken machine, not bad luck. */
  private static final int MAX_ATTEMPTS = 200;
  /** Every port handed out in this JVM (bank and operator), so no two nodes are given neighbours. */
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  private FreePorts() {}

  /** A port P such that P and P + 1 are free now and neither was handed out before in this JVM. */
  public static int bankAndOperator() throws IOException {
    var loopback = InetAddress.getLoopbackAddress();
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      int port;
      try (var s = new ServerSocket(0, 1, loopback)) {
        port = s.getLocalPort();
      }
      if (port >= 65_535 || HANDED_OUT.contains(port) || HANDED_OUT.contains(port + 1)) continue;
      try (var s = new ServerSocket(port + 1, 1, loopback)) {
        // Free now; closed at once, like the first one: the node binds both moments later.
      } catch (IOException taken) {
        continue;
      }
      if (!HANDED_OUT.add(port)) continue;
      HANDED_OUT.add(port + 1);
      return port;
    }
    throw new IOException("no two neighbouring free ports on loopback after " + MAX_ATTEMPTS + " attempts");
  }
}
