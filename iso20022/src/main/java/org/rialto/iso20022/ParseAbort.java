package org.rialto.iso20022;

/**
 * Stops a read at the first problem that makes the rest meaningless (malformed XML, a breached
 * limit, a value that cannot be converted). Internal: {@link Iso20022#read} turns it into an
 * {@link ReadResult.Unreadable}; it never leaves this package.
 */
final class ParseAbort extends RuntimeException {
  final transient Finding finding;

  ParseAbort(Finding finding) {
    super(finding.text(), null, false, false);
    this.finding = finding;
  }
}
