package org.rialto.node;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.rialto.node.config.ConfigLoader;

/**
 * A node as its own process: {@code java -cp … org.rialto.node.NodeMain CONFIG [PORT]}. Used by
 * the demo and by the tests that kill a node with SIGKILL; prints one line once it serves.
 */
public final class NodeMain {
  private NodeMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: NodeMain CONFIG.yaml [PORT]");
      System.exit(2);
    }
    var config = ConfigLoader.load(Path.of(args[0]));
    if (args.length == 2) config = config.withPort(Integer.parseInt(args[1]));
    run(config);
  }

  /** Starts the node and blocks until the process is asked to stop (SIGTERM, Ctrl-C). */
  public static void run(org.rialto.node.config.NodeConfig config) throws Exception {
    Node node = Node.start(config, Clock.systemUTC());
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        node.close();
      } catch (Exception e) {
        System.err.println("rialto: error while stopping: " + e);
      }
      stopped.countDown();
    }));
    System.out.println("rialto node " + config.node() + " operators on " + config.operatorListen().host() + ":" + node.operatorPort()
        + " (console " + (node.operatorHttps() ? "https" : "http") + "://" + config.operatorListen().host() + ":" + node.operatorPort() + "/console)");
    System.out.println("rialto node " + config.node() + " (" + config.currency().code() + ") listening on "
        + config.listen().host() + ":" + node.port());
    System.out.flush();
    stopped.await();
  }
}
