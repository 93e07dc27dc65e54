/**
 * The settlement ledger: a pure, deterministic, in-memory double-entry state machine (no I/O, no
 * clock, no threads), with TigerBeetle's semantics.
 *
 * <ul>
 *   <li>{@link org.rialto.ledger.Ledger} applies a batch of {@link org.rialto.ledger.LedgerEvent}s
 *       at a timestamp and answers one {@link org.rialto.ledger.EventResult} per event in a
 *       {@link org.rialto.ledger.BatchResult}; it is read through immutable
 *       {@link org.rialto.ledger.AccountView}s, {@link org.rialto.ledger.TransferView}s and
 *       {@link org.rialto.ledger.CurrencyTotals}. One writer thread owns it.
 *   <li>{@link org.rialto.ledger.BatchCodec} is the journal's binary form of a batch; replaying the
 *       journaled batches through {@code apply} rebuilds the same ledger.
 *   <li>{@link org.rialto.ledger.Workload} generates seeded benchmark workloads.
 * </ul>
 *
 * Balances are 128-bit ({@link org.rialto.ledger.UInt128}); amounts are minor units in a
 * {@code long}. Invariants 1, 2 and 4 of the design are checked after every batch; a violation
 * is an {@link org.rialto.ledger.InvariantViolationError} and stops the ledger.
 */
package org.rialto.ledger;
