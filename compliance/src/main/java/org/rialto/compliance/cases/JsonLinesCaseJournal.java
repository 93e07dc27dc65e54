package org.rialto.compliance.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A case journal in a file, one JSON object per line, for the CLI and tests (the node backs
 * {@link CaseJournal} with its own store). Each line carries its own SHA-256 and its
 * predecessor's, so an edited, inserted or deleted line is detected when the file is read.
 * Appends are forced to disk.
 */
public final class JsonLinesCaseJournal implements CaseJournal {
  public static final int MAX_LINE_BYTES = 1 << 20;
  private static final String GENESIS = "0".repeat(64);
  private static final String HASH_FIELD = ",\"hash\":\"";

  private final Path file;
  private final ObjectMapper mapper = new ObjectMapper();
  private String lastHash;

  private JsonLinesCaseJournal(Path file) {
    this.file = file;
  }

  /** Opens (or will create) the journal at {@code file}, checking the chain of what is there. */
  public static JsonLinesCaseJournal open(Path file) {
    JsonLinesCaseJournal j = new JsonLinesCaseJournal(file);
    j.readAll();
    return j;
  }

  @Override
  public synchronized void append(CaseEvent event) {
    if (lastHash == null) {
      readAll();
    }
    ObjectNode n = toJson(event);
    n.put("prev", lastHash);
    String body = n.toString();
    String hash = sha256(body);
    byte[] line = (body.substring(0, body.length() - 1) + HASH_FIELD + hash + "\"}\n").getBytes(StandardCharsets.UTF_8);
    if (line.length > MAX_LINE_BYTES) {
      throw new IllegalArgumentException("case event " + event.sequence() + " is larger than " + MAX_LINE_BYTES + " bytes");
    }
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
        ch.write(ByteBuffer.wrap(line));
        ch.force(true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to case journal " + file, e);
    }
    lastHash = hash;
  }

  @Override
  public synchronized List<CaseEvent> readAll() {
    List<CaseEvent> events = new ArrayList<>();
    String previous = GENESIS;
    if (Files.exists(file)) {
      List<String> lines;
      try {
        lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read case journal " + file, e);
      }
      int number = 0;
      for (String line : lines) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        try {
          int at = line.lastIndexOf(HASH_FIELD);
          if (at < 0 || !line.endsWith("\"}")) {
            throw new IllegalStateException(file + " line " + number + ": no hash; the journal was altered");
          }
          String body = line.substring(0, at) + "}";
          String hash = line.substring(at + HASH_FIELD.length(), line.length() - 2);
          JsonNode n = mapper.readTree(body);
          if (!previous.equals(n.path("prev").asText()) || !hash.equals(sha256(body))) {
            throw new IllegalStateException(file + " line " + number + ": hash chain broken; the journal was altered");
          }
          events.add(fromJson(n));
          previous = hash;
        } catch (IOException | RuntimeException e) {
          if (e instanceof IllegalStateException ise) {
            throw ise;
          }
          throw new IllegalStateException(file + " line " + number + ": unreadable case event: " + e.getMessage(), e);
        }
      }
    }
    lastHash = previous;
    return events;
  }

  private static String sha256(String text) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }

  private ObjectNode toJson(CaseEvent e) {
    ObjectNode n = mapper.createObjectNode();
    n.put("seq", e.sequence());
    n.put("case", e.caseId());
    n.put("at", e.at().toString());
    switch (e) {
      case CaseEvent.Opened o -> {
        n.put("type", "opened");
        n.put("payment", o.paymentRef());
        ArrayNode reasons = n.putArray("reasons");
        for (HoldReason r : o.reasons()) {
          ObjectNode rn = reasons.addObject();
          rn.put("kind", r.kind().name());
          rn.put("source", r.source());
          rn.put("reference", r.reference());
          rn.put("evidence", r.evidence());
        }
      }
      case CaseEvent.ReleaseApproved a -> {
        n.put("type", "release-approved");
        n.put("operator", a.operator());
        n.put("comment", a.comment());
      }
      case CaseEvent.Released r -> {
        n.put("type", "released");
        n.put("operator", r.operator());
        n.put("firstApprover", r.firstApprover());
        n.put("comment", r.comment());
      }
      case CaseEvent.Rejected r -> {
        n.put("type", "rejected");
        n.put("operator", r.operator());
        n.put("reason", r.reason().name());
        n.put("comment", r.comment());
      }
    }
    return n;
  }

  private static CaseEvent fromJson(JsonNode n) {
    long seq = n.path("seq").asLong();
    String id = n.path("case").asText();
    Instant at = Instant.parse(n.path("at").asText());
    return switch (n.path("type").asText()) {
      case "opened" -> {
        List<HoldReason> reasons = new ArrayList<>();
        for (JsonNode r : n.path("reasons")) {
          reasons.add(new HoldReason(HoldReason.Kind.valueOf(r.path("kind").asText()), r.path("source").asText(),
              r.path("reference").asText(), r.path("evidence").asText()));
        }
        yield new CaseEvent.Opened(seq, id, n.path("payment").asText(), at, reasons);
      }
      case "release-approved" -> new CaseEvent.ReleaseApproved(seq, id, n.path("operator").asText(), at,
          n.path("comment").asText());
      case "released" -> new CaseEvent.Released(seq, id, n.path("operator").asText(), n.path("firstApprover").asText(), at,
          n.path("comment").asText());
      case "rejected" -> new CaseEvent.Rejected(seq, id, n.path("operator").asText(), at,
          RejectReason.valueOf(n.path("reason").asText()), n.path("comment").asText());
      default -> throw new IllegalStateException("unknown case event type '" + n.path("type").asText() + "'");
    };
  }
}
