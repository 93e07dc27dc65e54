package org.rialto.iso20022;

/** A branch of a financial institution (BranchData3). */
public record Branch(String id, String lei, String name, PostalAddress postalAddress) {
  public Branch {
    Check.text(id, 35, "branch id");
    Check.text(name, 140, "branch name");
  }
}
