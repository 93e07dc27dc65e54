package org.rialto.iso20022;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.XMLConstants;
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

  private ReadContext() {
    factory = XMLInputFactory.newDefaultFactory();
    // No DTD, no entities, nothing fetched: XXE and entity expansion are impossible.
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLInputFactory.IS_COALESCING, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    // Errors become exceptions and then findings; nothing is printed to stderr.
    factory.setXMLReporter((message, type, info, location) -> {});
    try {
      // JDK-specific: recycle the reader object between documents (halves the cost of a small message).
      factory.setProperty("reuse-instance", Boolean.TRUE);
    } catch (IllegalArgumentException notSupported) {
      // Another StAX implementation: correct, only slower.
    }
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
      t = new SchemaTee(Schemas.of(type.id()), type.namespace());
      tees[type.ordinal()] = t;
    }
    return t;
  }

  XmlIn cursor(javax.xml.stream.XMLStreamReader reader, Limits limits, Findings findings) {
    return cursor.reset(reader, limits, findings);
  }

  SchemaTee headerTee() {
    if (headerTee == null) headerTee = new SchemaTee(Schemas.of(MessageType.HEADER_ID), MessageType.HEADER_NAMESPACE);
    return headerTee;
  }

  private boolean poisoned;

  /** Marks this context as not reusable: a read stopped half-way. */
  void poison() {
    poisoned = true;
  }
}
