package org.rialto.security.pki;

import java.util.regex.Pattern;

/** A node's name as it appears in its certificates: short, ASCII, no spaces. */
public final class NodeName {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private NodeName() {}

  public static String require(String node) {
    if (node == null || !NAME.matcher(node).matches()) {
      throw new IllegalArgumentException(
          "a node name is 1..64 characters of letters, digits, '.', '_' or '-', got: " + node);
    }
    return node;
  }
}
