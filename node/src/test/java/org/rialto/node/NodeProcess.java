package org.rialto.node;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * A node running as its own JVM ({@link NodeMain}), so a test can kill it with SIGKILL at any
 * instant: no shutdown hook, no finally block, no flush runs; what survives is what the store made
 * durable. Output goes to a log file per node, appended across restarts, for the post-mortem.
 */
final class NodeProcess implements AutoCloseable {
  /** A loaded 2-core machine can take this long to start a JVM, migrate and replay the store. */
  static final long START_TIMEOUT_MILLIS = 120_000;
  private static final Pattern LISTENING = Pattern.compile("rialto node (\\S+) \\((\\S+)\\) listening on (\\S+):(\\d+)");
  private static final Pattern OPERATORS = Pattern.compile("rialto node (\\S+) operators on (\\S+):(\\d+)");

  private final Process process;
  private final int port;
  private final int operatorPort;

  private NodeProcess(Process process, int port, int operatorPort) {
    this.process = process;
    this.port = port;
    this.operatorPort = operatorPort;
  }

  /** Where this run of the node serves operators (an ephemeral port: it changes with each start). */
  int operatorPort() {
    return operatorPort;
  }

  /** Starts {@code NodeMain config} and returns once it prints that it serves. */
  static NodeProcess start(Path config, Path log) throws Exception {
    return start(config, log, List.of());
  }

  /** As {@link #start(Path, Path)}, with more JVM options (system properties such as log levels). */
  static NodeProcess start(Path config, Path log, List<String> jvmOptions) throws Exception {
    String java = ProcessHandle.current().info().command().orElseThrow();
    var command = new ArrayList<String>(List.of(java,
        // The node's JIT work is small in these tests; C1 only saves the loaded machine's CPU.
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m", "-Xss512k"));
    command.addAll(StartupCache.jvmOptions());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", StartupCache.classPath(), NodeMain.class.getName(), config.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    var listening = new CompletableFuture<Integer>();
    var operators = new CompletableFuture<Integer>();
    Thread pump = new Thread(() -> pump(process.getInputStream(), log, listening, operators), "node-output-" + config.getFileName());
    pump.setDaemon(true);
    pump.start();
    long startedNanos = System.nanoTime();
    try {
      int port = listening.get(START_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
      System.out.println(config.getFileName() + ": serving on port " + port + " after "
          + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos) + " ms" + StartupCache.describe());
      // The node says where operators connect before it says it serves banks.
      return new NodeProcess(process, port, operators.getNow(-1));
    } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
      process.destroyForcibly().waitFor();
      throw new IllegalStateException("node with " + config + " did not start (" + e + "); its output:\n" + tail(log), e);
    }
  }

  /** Copies the node's output to its log, and completes {@code listening} with the port it serves on. */
  private static void pump(InputStream in, Path log, CompletableFuture<Integer> listening, CompletableFuture<Integer> operators) {
    try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      out.write("---- start at " + java.time.Instant.now() + "\n");
      String line;
      while ((line = reader.readLine()) != null) {
        out.write(line);
        out.write('\n');
        // Line by line, so a test can read what the node has said so far (and a kill loses nothing said).
        out.flush();
        var o = OPERATORS.matcher(line);
        if (o.find()) operators.complete(Integer.parseInt(o.group(3)));
        var m = LISTENING.matcher(line);
        if (m.find()) {
          listening.complete(Integer.parseInt(m.group(4)));
          out.flush();
        }
      }
      out.write("---- process output ended at " + java.time.Instant.now() + "\n");
    } catch (IOException e) {
      // The process died mid-line or the log could not be written: whoever waits is told below.
    } finally {
      listening.completeExceptionally(new IllegalStateException("node exited before it served"));
    }
  }

  static String tail(Path log) {
    try {
      if (!Files.exists(log)) return "(no log)";
      var lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return port;
  }

  boolean alive() {
    return process.isAlive();
  }

  /** kill -9: the JVM gets no chance to run anything. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) throw new IllegalStateException("node survived SIGKILL for 30 s");
  }

  /** SIGTERM: the node closes its store and HTTP server in its shutdown hook. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new IllegalStateException("node did not stop within 60 s of SIGTERM");
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) kill();
  }

  /**
   * Makes the many node starts of these tests cheaper on a loaded machine: a class-data-sharing
   * archive of the node's classes (written when the first node of this JVM exits cleanly, used by
   * every later start) and the SQLite native library extracted once instead of at every start.
   * Both only save time; a node starts the same without them.
   */
  static final class StartupCache {
    private static Path dir;
    private static String classPath;

    /**
     * The test's class path with every folder (Maven's target/classes of this module and the
     * modules it builds with) packed into a jar: the JVM archives classes from jars only, and
     * refuses the archive altogether when the class path holds a non-empty folder.
     */
    static synchronized String classPath() throws IOException {
      if (classPath != null) return classPath;
      folder();
      var entries = new ArrayList<String>();
      int n = 0;
      for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
        Path p = Path.of(entry);
        if (Files.isDirectory(p)) {
          Path jar = dir.resolve("classes-" + (n++) + ".jar");
          jarFolder(p, jar);
          jar.toFile().deleteOnExit();
          entries.add(jar.toString());
        } else {
          entries.add(entry);
        }
      }
      classPath = String.join(java.io.File.pathSeparator, entries);
      return classPath;
    }

    private static void jarFolder(Path folder, Path jar) throws IOException {
      try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
          var walk = Files.walk(folder)) {
        for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
          if (p.equals(folder)) continue;
          String name = folder.relativize(p).toString().replace(java.io.File.separatorChar, '/');
          // Folder entries too: resource scanners (Flyway's) look folders up by name.
          boolean isFolder = Files.isDirectory(p);
          out.putNextEntry(new java.util.jar.JarEntry(isFolder ? name + "/" : name));
          if (!isFolder) Files.copy(p, out);
          out.closeEntry();
        }
      }
    }

    private static void folder() throws IOException {
      if (dir == null) {
        dir = Files.createTempDirectory("rialto-node-jvm");
        // Deleted in reverse order of registration: the files first, then the folder.
        dir.toFile().deleteOnExit();
        dir.resolve("node.jsa").toFile().deleteOnExit();
      }
    }

    private StartupCache() {}

    static synchronized String describe() {
      Path archive = dir == null ? null : dir.resolve("node.jsa");
      return archive != null && Files.exists(archive) ? " (class-data archive in use)" : "";
    }

    static synchronized List<String> jvmOptions() throws IOException {
      folder();
      var options = new ArrayList<String>();
      options.add("-XX:+AutoCreateSharedArchive");
      options.add("-XX:SharedArchiveFile=" + dir.resolve("node.jsa"));
      // Quiet the JVM about the archive's creation; the node's own output is what the log is for.
      options.add("-Xlog:cds=off");
      options.add("-Xlog:cds+dynamic=off");
      String libName = System.mapLibraryName("sqlitejdbc");
      Path lib = dir.resolve(libName);
      if (!Files.exists(lib)) {
        String resource = "/org/sqlite/native/" + org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + libName;
        try (InputStream in = org.sqlite.SQLiteConfig.class.getResourceAsStream(resource)) {
          if (in == null) return options; // an unusual platform: the driver extracts it itself
          Files.copy(in, lib);
        }
        lib.toFile().deleteOnExit();
      }
      options.add("-Dorg.sqlite.lib.path=" + dir);
      options.add("-Dorg.sqlite.lib.name=" + libName);
      return options;
    }
  }
}
