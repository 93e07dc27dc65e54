package org.rialto.node;

import java.util.List;
import org.rialto.node.config.NodeConfig;
import org.rialto.security.operators.PasswordHasher;

/**
 * Operator accounts the tests' nodes are configured with. Hashes are computed once per test JVM:
 * Argon2id is deliberately slow, and the configuration carries hashes, never passwords.
 */
public final class TestOperators {
  public static final String PASSWORD = "correct horse battery staple";
  public static final String VIEWER = "vera.viewer";
  public static final String OPERATOR = "otto.operator";
  public static final String OPERATOR_2 = "olga.operator";
  public static final String SUPERVISOR = "sam.supervisor";
  public static final String SUPERVISOR_2 = "sara.supervisor";
  public static final String ADMINISTRATOR = "ada.admin";

  private static String hash;

  private TestOperators() {}

  public static synchronized String hash() {
    if (hash == null) hash = PasswordHasher.hash(PASSWORD.toCharArray());
    return hash;
  }

  /** One of each role, two operators and two supervisors (for four eyes), all with {@link #PASSWORD}. */
  public static List<NodeConfig.OperatorConfig> all() {
    String h = hash();
    return List.of(new NodeConfig.OperatorConfig(VIEWER, "VIEWER", h), new NodeConfig.OperatorConfig(OPERATOR, "OPERATOR", h),
        new NodeConfig.OperatorConfig(OPERATOR_2, "OPERATOR", h), new NodeConfig.OperatorConfig(SUPERVISOR, "SUPERVISOR", h),
        new NodeConfig.OperatorConfig(SUPERVISOR_2, "SUPERVISOR", h), new NodeConfig.OperatorConfig(ADMINISTRATOR, "ADMINISTRATOR", h));
  }

  /** The same accounts as YAML, for nodes started from a file. */
  public static String yaml() {
    var y = new StringBuilder("operatorListen: {host: 127.0.0.1, port: 0}\noperators:\n");
    for (var o : all()) {
      y.append("  - {name: ").append(o.name()).append(", role: ").append(o.role()).append(", passwordHash: '").append(o.passwordHash())
          .append("'}\n");
    }
    return y.toString();
  }
}
