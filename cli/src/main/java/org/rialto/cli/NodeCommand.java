package org.rialto.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rialto.node.NodeMain;
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
    NodeMain.run(cfg);
    return 0;
  }
}
