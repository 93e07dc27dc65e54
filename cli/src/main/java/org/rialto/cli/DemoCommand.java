package org.rialto.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "demo", mixinStandardHelpOptions = true, description = "Run the seed corridor scenario.")
public final class DemoCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.out.println("demo: not built yet");
    return 1;
  }
}
