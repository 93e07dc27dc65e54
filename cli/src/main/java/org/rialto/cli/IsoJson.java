package org.rialto.cli;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rialto.iso20022.Finding;
import org.rialto.iso20022.Limits;
import org.rialto.iso20022.PartyId;

/** JSON for the iso commands: the message records as they are, absent values left out. */
final class IsoJson {
  private IsoJson() {}

  /** Names the alternative of a party identification: {"Organisation": {...}} or {"Person": {...}}. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, include = JsonTypeInfo.As.WRAPPER_OBJECT)
  private interface PartyIdMixin {}

  /** Only record components: derived methods such as isSufficient() are not data. */
  @JsonAutoDetect(isGetterVisibility = JsonAutoDetect.Visibility.NONE)
  private interface NoIsGetters {}

  static ObjectMapper mapper() {
    ObjectMapper m = new ObjectMapper();
    m.registerModule(new JavaTimeModule());
    m.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    m.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    m.setSerializationInclusion(JsonInclude.Include.NON_EMPTY);
    m.addMixIn(PartyId.class, PartyIdMixin.class);
    m.addMixIn(Object.class, NoIsGetters.class);
    return m;
  }

  static List<Map<String, String>> findings(List<Finding> findings) {
    List<Map<String, String>> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("code", f.code().name());
      m.put("path", f.path());
      m.put("text", f.text());
      out.add(m);
    }
    return out;
  }

  /**
   * The file's bytes, reading at most one byte past the message size limit: a huge file is
   * reported as too big without being loaded.
   */
  static byte[] read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(Limits.DEFAULT.maxBytes() + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
