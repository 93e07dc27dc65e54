package org.rialto.iso20022;

import java.util.ArrayList;
import java.util.List;

/** A bounded list of findings: hostile input cannot make us collect millions of them. */
final class Findings {
  private final int max;
  private final List<Finding> list = new ArrayList<>();
  private int dropped;

  Findings(int max) {
    if (max < 1) throw new IllegalArgumentException("max must be positive");
    this.max = max;
  }

  void add(ReasonCode code, String path, String text) {
    if (list.size() < max) {
      list.add(new Finding(code, path, text));
    } else {
      dropped++;
    }
  }

  void add(Finding f) {
    if (list.size() < max) {
      list.add(f);
    } else {
      dropped++;
    }
  }

  boolean isEmpty() {
    return list.isEmpty();
  }

  int size() {
    return list.size();
  }

  List<Finding> toList() {
    if (dropped == 0) return List.copyOf(list);
    List<Finding> out = new ArrayList<>(list);
    Finding last = list.get(list.size() - 1);
    out.add(new Finding(last.code(), "/", dropped + " more findings not listed"));
    return List.copyOf(out);
  }
}
