package org.rialto.compliance.match;

import java.util.List;
import org.rialto.compliance.text.NameToken;
import org.rialto.compliance.text.NormalizedName;

/** A name normalised and weighed once, ready to be compared many times. Immutable. */
public final class PreparedName {
  private final String raw;
  private final NormalizedName normalized;
  private final NameToken[] tokens;
  private final double[] weights;
  private final double totalWeight;

  PreparedName(String raw, NormalizedName normalized, double[] weights) {
    this.raw = raw;
    this.normalized = normalized;
    List<NameToken> words = normalized.tokens();
    // A loop, not toArray(new NameToken[0]): that makes its array by reflection, once per name.
    this.tokens = new NameToken[words.size()];
    for (int i = 0; i < tokens.length; i++) {
      tokens[i] = words.get(i);
    }
    if (weights.length != tokens.length) {
      throw new IllegalStateException("one weight per token: " + weights.length + " != " + tokens.length);
    }
    // Not copied: the only caller, NameMatcher.prepare, passes a new array it keeps no reference to.
    this.weights = weights;
    double total = 0;
    for (double w : weights) {
      if (!(w > 0 && w <= 1.0)) {
        throw new IllegalStateException("token weight out of (0, 1]: " + w + " in " + raw);
      }
      total += w;
    }
    this.totalWeight = total;
  }

  public String raw() {
    return raw;
  }

  public NormalizedName normalized() {
    return normalized;
  }

  public List<NameToken> tokens() {
    return normalized.tokens();
  }

  public int size() {
    return tokens.length;
  }

  public boolean isEmpty() {
    return tokens.length == 0;
  }

  public NameToken token(int i) {
    return tokens[i];
  }

  public double weight(int i) {
    return weights[i];
  }

  public double totalWeight() {
    return totalWeight;
  }
}
