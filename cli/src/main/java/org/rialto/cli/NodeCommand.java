package org.rialto.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.rialto.node.Node;
import org.rialto.node.config.ConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs one node in the foreground until it is stopped (Ctrl-C or SIGTERM). */
@Command(name = "node", mixinStandardHelpOptions = true, description = "Start a Rialto node from its YAML configuration.")
public final class NodeCommand implements Callable<Integer> {
  @Option(names = "--config", required = true, description = "the node's YAML configuration file")
  Path config;

  @Option(names = "--port", description = "listen on this port instead of the configured one (0: any free port)")
  Integer port;

  @Override
  public Integer call() throws Exception {
    var cfg = ConfigLoader.load(config);
    if (port != null) {
      cfg = cfg.withPort(port);
    }
    Node node = Node.start(cfg, Clock.systemUTC());
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        node.close();
      } catch (Exception e) {
        System.err.println("rialto: error while stopping: " + e);
      }
      stopped.countDown();
    }));
    // The line tests and scripts wait for: the node is serving from here on.
    System.out.println("rialto node " + cfg.node() + " (" + cfg.currency().code() + ") listening on "
        + cfg.listen().host() + ":" + node.port());
    System.out.flush();
    stopped.await();
    return 0;
  }
}
