package org.rialto.cli;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.rialto.security.audit.AuditEntry;
import org.rialto.security.audit.AuditLog;
import org.rialto.security.operators.Operator;
import org.rialto.security.operators.OperatorStore;
import org.rialto.security.operators.PasswordHasher;
import org.rialto.security.operators.Role;
import org.rialto.store.Store;
import org.rialto.store.StoreUrl;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "operator",
    mixinStandardHelpOptions = true,
    description = {
      "Operator accounts of a node (console and admin API). A running node's administrators add",
      "operators with POST /v1/admin/operators; these commands bootstrap the first ones."
    },
    subcommands = {OperatorCommand.Hash.class, OperatorCommand.Add.class})
public final class OperatorCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** The password from an environment variable (scripts) or typed twice at the terminal, never an argument. */
  static char[] password(String env) {
    if (env != null) {
      String v = System.getenv(env);
      if (v == null) throw new IllegalArgumentException("environment variable " + env + " is not set");
      return v.toCharArray();
    }
    var console = System.console();
    if (console == null) throw new IllegalArgumentException("no terminal to type the password in: use --password-env VAR");
    char[] first = console.readPassword("Password (%d to %d characters): ", PasswordHasher.MIN_PASSWORD_CHARS, PasswordHasher.MAX_PASSWORD_CHARS);
    char[] again = console.readPassword("Again: ");
    if (first == null || again == null || !java.util.Arrays.equals(first, again)) {
      throw new IllegalArgumentException("the two passwords differ");
    }
    java.util.Arrays.fill(again, '\0');
    return first;
  }

  @Command(name = "hash", mixinStandardHelpOptions = true,
      description = "Print the Argon2id hash of a password, for the operators section of the node's YAML.")
  static final class Hash implements Callable<Integer> {
    @Option(names = "--password-env", paramLabel = "VAR", description = "Read the password from this environment variable.")
    String passwordEnv;

    @Override
    public Integer call() {
      try {
        char[] password = password(passwordEnv);
        System.out.println(PasswordHasher.hash(password));
        java.util.Arrays.fill(password, '\0');
        return 0;
      } catch (IllegalArgumentException e) {
        System.err.println("operator hash: " + e.getMessage());
        return 2;
      }
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = {"Create an operator account in a node's store (with the node stopped), with an audit entry.",
        "Exit 0 when created, 1 when the name exists, 2 on bad input or an unreadable store."})
  static final class Add implements Callable<Integer> {
    @Option(names = "--store", required = true, paramLabel = "URL", description = "The node's store (SQLite path or JDBC URL).")
    String store;

    @Option(names = "--name", required = true, description = "2..64 lower-case letters, digits, '.', '_' or '-'.")
    String name;

    @Option(names = "--role", required = true, description = "VIEWER, OPERATOR, SUPERVISOR or ADMINISTRATOR.")
    Role role;

    @Option(names = "--password-env", paramLabel = "VAR", description = "Read the password from this environment variable.")
    String passwordEnv;

    @Override
    public Integer call() {
      QuietLibraries.apply();
      Operator op;
      try {
        char[] password = password(passwordEnv);
        op = Operator.create(name, role, password);
        java.util.Arrays.fill(password, '\0');
      } catch (IllegalArgumentException e) {
        System.err.println("operator add: " + e.getMessage());
        return 2;
      }
      try (Store s = Store.open(StoreUrl.parse(store), List.of("db/node", "db/security"))) {
        if (s.read(c -> OperatorStore.find(c, name)).isPresent()) {
          System.err.println("operator add: operator " + name + " exists");
          return 1;
        }
        s.commit(List.of(), c -> {
          OperatorStore.insert(c, op);
          AuditLog.append(c, new AuditEntry(Instant.now(), "cli:" + System.getProperty("user.name", "unknown"), "operator.add", name,
              "{\"role\":\"" + role + "\"}"));
        });
        System.out.println("operator " + name + " (" + role + ") created in " + StoreUrl.parse(store).redacted());
        return 0;
      } catch (RuntimeException e) {
        System.err.println("operator add: " + e.getMessage() + " (is the node running? stop it, or use POST /v1/admin/operators)");
        return 2;
      }
    }
  }
}
