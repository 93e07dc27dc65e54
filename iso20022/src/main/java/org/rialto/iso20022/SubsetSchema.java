package org.rialto.iso20022;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The part of a shipped XSD that {@link SubsetTee} checks itself, compiled once per message
 * definition from the same XSD file the JDK's validator compiles. Only the constructs the ISO
 * 20022 schemas use for the peer messages are kept: named complex types holding one plain
 * xs:sequence or xs:choice of xs:element particles (distinct names, so greedy matching is exact),
 * simple content with declared attributes, and simple types restricting xs:string, xs:decimal,
 * xs:date, xs:dateTime, xs:time or xs:boolean with the usual facets. Anything else (wildcards,
 * nested groups, derivation chains, a pattern using syntax outside a small safe set, ...) compiles
 * to {@link #UNSUPPORTED}: an instance that reaches it leaves the fast path and gets the JDK's
 * validator, so this class only ever has to be right about what it keeps.
 */
final class SubsetSchema {
  private static final String XS = XMLConstants.W3C_XML_SCHEMA_NS_URI;
  private static final Map<String, SubsetSchema> COMPILED = new ConcurrentHashMap<>();

  /** Marks a type the subset does not model: meeting an element of it leaves the fast path. */
  static final Object UNSUPPORTED = new Object();

  /** The Document's (or AppHdr's) namespace: every element must be in it, attributes in none. */
  final String namespace;
  /** The one global element, and its type (a {@link Complex}, a {@link Simple} or {@link #UNSUPPORTED}). */
  final String rootName;
  final Object rootType;

  private SubsetSchema(String namespace, String rootName, Object rootType) {
    this.namespace = namespace;
    this.rootName = rootName;
    this.rootType = rootType;
  }

  static SubsetSchema of(String messageDefinitionId) {
    return COMPILED.computeIfAbsent(messageDefinitionId, SubsetSchema::compile);
  }

  /** A complex type: element-only content (sequence or choice) or simple content with attributes. */
  static final class Complex {
    /** Set once the type compiled completely; a type met half-built (through recursion) is not used. */
    boolean ok;
    boolean choice;
    String[] names = new String[0];
    Object[] types = new Object[0];
    int[] min = new int[0];
    int[] max = new int[0];
    /** Particle index by element name (names are distinct within a type). */
    Map<String, Integer> index = Map.of();
    /** How many particles before index i are mandatory (minOccurs > 0), length names.length + 1. */
    int[] requiredBefore = {0};
    /** Whether every particle from index i on may be absent (length names.length + 1). */
    boolean[] restOptional = {true};
    /** Non-null for simple content: the type of the text; attributes below. */
    Simple content;
    String[] attributeNames = new String[0];
    Simple[] attributeTypes = new Simple[0];
    boolean[] attributeRequired = new boolean[0];
  }

  enum Base { STRING, DECIMAL, DATE, DATE_TIME, TIME, BOOLEAN }

  /** A simple type restricting a built-in type directly; -1 or null where a facet is absent. */
  static final class Simple {
    final Base base;
    int length = -1;
    int minLength = -1;
    int maxLength = -1;
    Pattern pattern;
    /** The same pattern as a greedy matcher, tried first; null when it does not have that form. */
    SimplePattern simplePattern;
    /** The enumerated values, or null when the type enumerates none. */
    String[] enumeration;
    int totalDigits = -1;
    int fractionDigits = -1;
    BigDecimal minInclusive;
    BigDecimal maxInclusive;
    BigDecimal minExclusive;
    BigDecimal maxExclusive;

    Simple(Base base) {
      this.base = base;
    }
  }

  // ---- compiling ---------------------------------------------------------------------------

  private static SubsetSchema compile(String id) {
    Element schema;
    try (InputStream in = Schemas.resource(id).openStream()) {
      DocumentBuilderFactory dbf = DocumentBuilderFactory.newDefaultInstance();
      dbf.setNamespaceAware(true);
      dbf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      dbf.setExpandEntityReferences(false);
      schema = dbf.newDocumentBuilder().parse(in).getDocumentElement();
    } catch (IOException | javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
      throw new IllegalStateException("cannot read XSD " + id + ": " + e.getMessage(), e);
    }
    String ns = schema.getAttribute("targetNamespace");
    Map<String, Element> complexTypes = new HashMap<>();
    Map<String, Element> simpleTypes = new HashMap<>();
    List<Element> globals = new ArrayList<>();
    boolean schemaSupported = "qualified".equals(schema.getAttribute("elementFormDefault"))
        && schema.getAttribute("attributeFormDefault").isEmpty() && !ns.isEmpty();
    for (Element e : children(schema)) {
      switch (e.getLocalName()) {
        case "complexType" -> complexTypes.put(e.getAttribute("name"), e);
        case "simpleType" -> simpleTypes.put(e.getAttribute("name"), e);
        case "element" -> globals.add(e);
        default -> schemaSupported = false; // include, import, group, attributeGroup, ...: not modelled
      }
    }
    // Unprefixed type names must resolve to the schema's own types.
    if (globals.size() != 1 || !ns.equals(schema.lookupNamespaceURI(null))) schemaSupported = false;
    Compiler c = new Compiler(complexTypes, simpleTypes);
    if (!schemaSupported) return new SubsetSchema(ns, "", UNSUPPORTED);
    Element root = globals.get(0);
    try {
      Object rootType = onlyAttributes(root, "name", "type") && children(root).isEmpty() ? c.type(root.getAttribute("type")) : UNSUPPORTED;
      return new SubsetSchema(ns, root.getAttribute("name"), rootType);
    } catch (IllegalArgumentException e) {
      return new SubsetSchema(ns, "", UNSUPPORTED);
    }
  }

  private static final class Compiler {
    private final Map<String, Element> complexTypes;
    private final Map<String, Element> simpleTypes;
    private final Map<String, Object> done = new HashMap<>();

    Compiler(Map<String, Element> complexTypes, Map<String, Element> simpleTypes) {
      this.complexTypes = complexTypes;
      this.simpleTypes = simpleTypes;
    }

    Object type(String qname) {
      Object known = done.get(qname);
      if (known != null) return known;
      if (qname.contains(":")) return UNSUPPORTED; // a built-in type used directly: not in these schemas
      Element ct = complexTypes.get(qname);
      Element st = simpleTypes.get(qname);
      if (ct != null) {
        Complex c = new Complex();
        done.put(qname, c); // before the particles: types may be recursive
        if (complex(ct, c)) {
          c.ok = true;
        } else {
          done.put(qname, UNSUPPORTED);
        }
        return done.get(qname);
      }
      Object s = st != null ? simple(st) : UNSUPPORTED;
      done.put(qname, s);
      return s;
    }

    /**
     * Fills {@code c}; false when the type uses something the subset does not model. A type that
     * refers to itself gets this object before it is filled; {@link Complex#ok} tells the tee
     * whether it ever was.
     */
    private boolean complex(Element ct, Complex c) {
      if (!onlyAttributes(ct, "name")) return false;
      List<Element> kids = children(ct);
      if (kids.isEmpty()) return true; // empty content
      if (kids.size() != 1) return false;
      Element model = kids.get(0);
      switch (model.getLocalName()) {
        case "sequence", "choice" -> {
          if (!onlyAttributes(model)) return false;
          c.choice = model.getLocalName().equals("choice");
          List<Element> particles = children(model);
          int n = particles.size();
          c.names = new String[n];
          c.types = new Object[n];
          c.min = new int[n];
          c.max = new int[n];
          Set<String> seen = new HashSet<>();
          for (int i = 0; i < n; i++) {
            Element p = particles.get(i);
            if (!p.getLocalName().equals("element") || !onlyAttributes(p, "name", "type", "minOccurs", "maxOccurs")) return false;
            String name = p.getAttribute("name");
            if (name.isEmpty() || !p.hasAttribute("type") || !seen.add(name) || !children(p).isEmpty()) return false;
            c.names[i] = name;
            c.min[i] = occurs(p, "minOccurs");
            c.max[i] = occurs(p, "maxOccurs");
            if (c.min[i] < 0 || c.max[i] < 1 || c.min[i] > c.max[i]) return false;
            if (c.choice && (c.min[i] != 1 || c.max[i] != 1)) return false;
            c.types[i] = type(p.getAttribute("type"));
          }
          if (c.choice && n == 0) return false;
          Map<String, Integer> index = new HashMap<>();
          for (int i = 0; i < n; i++) index.put(c.names[i], i);
          c.index = Map.copyOf(index);
          c.requiredBefore = new int[n + 1];
          for (int i = 0; i < n; i++) c.requiredBefore[i + 1] = c.requiredBefore[i] + (c.min[i] > 0 ? 1 : 0);
          c.restOptional = new boolean[n + 1];
          c.restOptional[n] = true;
          for (int i = n - 1; i >= 0; i--) c.restOptional[i] = c.restOptional[i + 1] && c.min[i] == 0;
          return true;
        }
        case "simpleContent" -> {
          List<Element> ext = children(model);
          if (!onlyAttributes(model) || ext.size() != 1 || !ext.get(0).getLocalName().equals("extension")) return false;
          Element x = ext.get(0);
          if (!onlyAttributes(x, "base")) return false;
          if (!(type(x.getAttribute("base")) instanceof Simple content)) return false;
          List<Element> attrs = children(x);
          int n = attrs.size();
          c.attributeNames = new String[n];
          c.attributeTypes = new Simple[n];
          c.attributeRequired = new boolean[n];
          for (int i = 0; i < n; i++) {
            Element a = attrs.get(i);
            if (!a.getLocalName().equals("attribute") || !onlyAttributes(a, "name", "type", "use") || !children(a).isEmpty()) return false;
            String use = a.hasAttribute("use") ? a.getAttribute("use") : "optional";
            if (!use.equals("required") && !use.equals("optional")) return false;
            if (!(type(a.getAttribute("type")) instanceof Simple at)) return false;
            c.attributeNames[i] = a.getAttribute("name");
            c.attributeTypes[i] = at;
            c.attributeRequired[i] = use.equals("required");
          }
          c.content = content;
          return true;
        }
        default -> {
          return false;
        }
      }
    }

    private static int occurs(Element p, String name) {
      if (!p.hasAttribute(name)) return 1;
      String v = p.getAttribute(name);
      if (v.equals("unbounded")) return Integer.MAX_VALUE;
      try {
        return Integer.parseInt(v);
      } catch (NumberFormatException e) {
        return -1;
      }
    }

    private static Object simple(Element st) {
      List<Element> kids = children(st);
      if (!onlyAttributes(st, "name") || kids.size() != 1 || !kids.get(0).getLocalName().equals("restriction")) return UNSUPPORTED;
      Element r = kids.get(0);
      if (!onlyAttributes(r, "base")) return UNSUPPORTED;
      Base base = switch (r.getAttribute("base")) {
        case "xs:string" -> Base.STRING;
        case "xs:decimal" -> Base.DECIMAL;
        case "xs:date" -> Base.DATE;
        case "xs:dateTime" -> Base.DATE_TIME;
        case "xs:time" -> Base.TIME;
        case "xs:boolean" -> Base.BOOLEAN;
        default -> null;
      };
      // The schemas bind the prefix xs to XML Schema; anything else is not modelled.
      if (base == null || !XS.equals(r.lookupNamespaceURI("xs"))) return UNSUPPORTED;
      Simple s = new Simple(base);
      Set<String> enumeration = new java.util.LinkedHashSet<>();
      boolean stringish = base == Base.STRING;
      boolean numeric = base == Base.DECIMAL;
      for (Element f : children(r)) {
        if (!onlyAttributes(f, "value") || !children(f).isEmpty()) return UNSUPPORTED;
        String v = f.getAttribute("value");
        try {
          switch (f.getLocalName()) {
            case "length" -> {
              if (!stringish || s.length >= 0) return UNSUPPORTED;
              s.length = Integer.parseInt(v);
            }
            case "minLength" -> {
              if (!stringish || s.minLength >= 0) return UNSUPPORTED;
              s.minLength = Integer.parseInt(v);
            }
            case "maxLength" -> {
              if (!stringish || s.maxLength >= 0) return UNSUPPORTED;
              s.maxLength = Integer.parseInt(v);
            }
            case "pattern" -> {
              if (!stringish || s.pattern != null || !safePattern(v)) return UNSUPPORTED;
              s.pattern = Pattern.compile(v);
              s.simplePattern = SimplePattern.compile(v);
            }
            case "enumeration" -> {
              if (!stringish) return UNSUPPORTED;
              enumeration.add(v);
            }
            case "totalDigits" -> {
              if (!numeric || s.totalDigits >= 0) return UNSUPPORTED;
              s.totalDigits = Integer.parseInt(v);
            }
            case "fractionDigits" -> {
              if (!numeric || s.fractionDigits >= 0) return UNSUPPORTED;
              s.fractionDigits = Integer.parseInt(v);
            }
            case "minInclusive" -> {
              if (!numeric || s.minInclusive != null) return UNSUPPORTED;
              s.minInclusive = new BigDecimal(v);
            }
            case "maxInclusive" -> {
              if (!numeric || s.maxInclusive != null) return UNSUPPORTED;
              s.maxInclusive = new BigDecimal(v);
            }
            case "minExclusive" -> {
              if (!numeric || s.minExclusive != null) return UNSUPPORTED;
              s.minExclusive = new BigDecimal(v);
            }
            case "maxExclusive" -> {
              if (!numeric || s.maxExclusive != null) return UNSUPPORTED;
              s.maxExclusive = new BigDecimal(v);
            }
            default -> {
              return UNSUPPORTED; // whiteSpace and anything newer
            }
          }
        } catch (NumberFormatException e) {
          return UNSUPPORTED;
        }
      }
      if (!enumeration.isEmpty()) s.enumeration = enumeration.toArray(new String[0]);
      return s;
    }
  }

  /**
   * Whether an XSD pattern uses only syntax on which XML Schema regular expressions and
   * java.util.regex agree (both anchored by {@link java.util.regex.Matcher#matches}): letters,
   * digits, brackets, braces, parentheses, commas, '-', '+' and the escapes \- and \+. The
   * ISO 20022 patterns for BICs, IBANs, LEIs, UETRs, currency, country and phone numbers are all
   * of this form; anything else ('.', \d, \s, classes subtracted, ...) keeps the type off the path.
   */
  static boolean safePattern(String p) {
    for (int i = 0; i < p.length(); i++) {
      char ch = p.charAt(i);
      if (ch == '\\') {
        if (i + 1 >= p.length()) return false;
        char next = p.charAt(++i);
        if (next != '-' && next != '+') return false;
      } else if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
          || "[]{}(),-+".indexOf(ch) >= 0)) {
        return false;
      }
    }
    // "[" followed by "^" would be negation in both, but '^' is not allowed above anyway; a '-'
    // just after '[' or before ']' is a literal in both.
    return true;
  }

  /** Whether {@code e} has no attributes but the ones named (namespace declarations aside). */
  private static boolean onlyAttributes(Element e, String... allowed) {
    NamedNodeMap attrs = e.getAttributes();
    for (int i = 0; i < attrs.getLength(); i++) {
      Node a = attrs.item(i);
      if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) continue;
      if (a.getNamespaceURI() != null) return false;
      boolean ok = false;
      for (String name : allowed) ok |= name.equals(a.getLocalName());
      if (!ok) return false;
    }
    return true;
  }

  /** The XML Schema child elements of {@code e}, annotations left out. */
  private static List<Element> children(Element e) {
    List<Element> out = new ArrayList<>();
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c) {
        // Foreign content is not modelled: the whole schema then stays off the path.
        if (!XS.equals(c.getNamespaceURI())) throw new IllegalArgumentException("foreign element " + c.getTagName());
        if (c.getLocalName().equals("annotation")) continue;
        out.add(c);
      }
    }
    return out;
  }
}
