package org.rialto.iso20022;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.stream.XMLInputFactory;

/**
 * What one thread needs to read a message: a securely configured StAX factory (which recycles its
 * reader between messages) and one schema tee per message type. Contexts are pooled, so reading
 * allocates neither on the common path and any thread (platform or virtual) may read.
 */
final class ReadContext {
  private static final int MAX_POOLED = 64;
  private static final ConcurrentLinkedQueue<ReadContext> POOL = new ConcurrentLinkedQueue<>();
  private static final AtomicInteger POOLED = new AtomicInteger();

  final XMLInputFactory factory;
  private final SchemaTee[] tees = new SchemaTee[MessageType.values().length];
  private SchemaTee headerTee;
  private final XmlIn cursor = new XmlIn();
  /** Whether the tees run the validator's identity-constraint bookkeeping even where the schema declares none. */
  private final boolean allIdentityConstraintChecks;

  private final SubsetTee[] subsetTees = new SubsetTee[MessageType.values().length];
  private SubsetTee subsetHeaderTee;
  /** Whether validated reads try the fast path first ({@link SubsetTee}); pooled contexts do. */
  private final boolean subset;
  /** Whether the last read through this context was answered by the fast path alone (for tests). */
  boolean lastReadBySubset;

  private ReadContext() {
    this(false, true);
  }

  private ReadContext(boolean allIdentityConstraintChecks, boolean subset) {
    factory = newFactory();
    this.allIdentityConstraintChecks = allIdentityConstraintChecks;
    this.subset = subset;
  }

  /** A context that validates with the JDK's validator alone, as before the fast path (not for the pool). */
  static ReadContext withoutSubset() {
    return new ReadContext(false, false);
  }

  /** A pooled-like context that tries the fast path first (not for the pool). */
  static ReadContext withSubset() {
    return new ReadContext(false, true);
  }

  boolean subsetPath() {
    return subset;
  }

  SubsetTee subsetTee(MessageType type) {
    SubsetTee t = subsetTees[type.ordinal()];
    if (t == null) {
      t = new SubsetTee(SubsetSchema.of(type.id()));
      subsetTees[type.ordinal()] = t;
    }
    return t;
  }

  SubsetTee subsetHeaderTee() {
    if (subsetHeaderTee == null) subsetHeaderTee = new SubsetTee(SubsetSchema.of(MessageType.HEADER_ID));
    return subsetHeaderTee;
  }

  /**
   * A context whose validators keep the identity-constraint bookkeeping on, as the JDK's default
   * (not for the pool): a test reads the same inputs with it and with a pooled context to show
   * that switching it off where no constraint is declared refuses exactly the same messages.
   */
  static ReadContext withAllIdentityConstraintChecks() {
    return new ReadContext(true, false);
  }

  /**
   * Aalto's StAX parser, named explicitly (not looked up), configured so that nothing outside the
   * message is ever read: no DTD, no external entity, no entity expansion. It parses a pacs.008 at
   * about half the CPU cost of the JDK's parser (BENCHMARKS.md), which is what lets one core
   * read and check 100,000 transactions a second. A DOCTYPE never reaches it ({@link
   * Utf8#hasDoctype}), and {@link XmlIn} refuses DTD and entity-reference events anyway.
   */
  static XMLInputFactory newFactory() {
    XMLInputFactory f = new com.fasterxml.aalto.stax.InputFactoryImpl();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, false);
    f.setProperty(XMLInputFactory.IS_VALIDATING, false);
    // A resolver that refuses: even if some path asked for an external resource, none is fetched.
    f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
      throw new javax.xml.stream.XMLStreamException("external resource " + systemId + " refused");
    });
    // Errors become exceptions and then findings; nothing is printed to stderr.
    f.setXMLReporter((message, type, info, location) -> {});
    return f;
  }

  static ReadContext acquire() {
    ReadContext c = POOL.poll();
    if (c == null) return new ReadContext();
    POOLED.decrementAndGet();
    return c;
  }

  void release() {
    if (poisoned) return;
    if (POOLED.incrementAndGet() <= MAX_POOLED) {
      POOL.offer(this);
    } else {
      POOLED.decrementAndGet();
    }
  }

  SchemaTee tee(MessageType type) {
    SchemaTee t = tees[type.ordinal()];
    if (t == null) {
      t = new SchemaTee(Schemas.of(type.id()), type.namespace(),
          allIdentityConstraintChecks || Schemas.mayDeclareIdentityConstraints(type.id()));
      tees[type.ordinal()] = t;
    }
    return t;
  }

  XmlIn cursor(javax.xml.stream.XMLStreamReader reader, Limits limits, Findings findings) {
    return cursor.reset(reader, limits, findings);
  }

  SchemaTee headerTee() {
    if (headerTee == null) headerTee = new SchemaTee(Schemas.of(MessageType.HEADER_ID), MessageType.HEADER_NAMESPACE,
        allIdentityConstraintChecks || Schemas.mayDeclareIdentityConstraints(MessageType.HEADER_ID));
    return headerTee;
  }

  private boolean poisoned;

  boolean poisoned() {
    return poisoned;
  }

  /** Marks this context as not reusable: a read stopped half-way. */
  void poison() {
    poisoned = true;
  }
}
