package org.rialto.iso20022;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The reader's XSD validation runs without the validator's identity-constraint bookkeeping where
 * the schema declares no identity constraint. These tests show that it refuses exactly what the
 * JDK's validator with its default settings refuses, with the same findings.
 */
class SchemaStrictnessTest {
  private static final long SEED = 20_261_124L;
  private static final int MUTATIONS = 6_000;

  @Test
  void noShippedSchemaDeclaresAnIdentityConstraint() {
    // Were one to (a new XSD version with xs:key), its reads keep the bookkeeping on; this test
    // then says the cut no longer applies to it.
    List<String> ids = new ArrayList<>();
    ids.add(MessageType.HEADER_ID);
    for (MessageType t : MessageType.values()) ids.add(t.id());
    for (String id : ids) assertThat(Schemas.mayDeclareIdentityConstraints(id)).as(id).isFalse();
  }

  @Test
  void mutatedAndHostileMessagesGetTheSameAnswerAsWithEveryCheckOn() {
    List<byte[]> inputs = new ArrayList<>(FuzzTest.corpus());
    inputs.addAll(idInputs());
    Random rnd = new Random(SEED);
    List<byte[]> corpus = List.copyOf(inputs);
    for (int i = 0; i < MUTATIONS; i++) inputs.add(FuzzTest.mutate(corpus.get(rnd.nextInt(corpus.size())), rnd));
    int refusedByTheSchema = 0;
    List<String> differences = new ArrayList<>();
    ReadContext everyCheck = ReadContext.withAllIdentityConstraintChecks();
    for (byte[] input : inputs) {
      ReadResult fast = Iso20022.read(input, ReadOptions.EDGE);
      // Like the pool, a context is reused only after a read that ended cleanly.
      if (everyCheck.poisoned()) everyCheck = ReadContext.withAllIdentityConstraintChecks();
      ReadResult full = Codec.read(everyCheck, input, ReadOptions.EDGE);
      if (!fast.equals(full) && differences.size() < 5) {
        differences.add(fast.findings() + " against " + full.findings() + " for " + preview(input));
      }
      if (full.findings().stream().anyMatch(f -> f.text().startsWith("cvc-"))) refusedByTheSchema++;
    }
    assertThat(differences).isEmpty();
    // The comparison means something only if many inputs reach the validator and fail there.
    assertThat(refusedByTheSchema).isGreaterThan(MUTATIONS / 10);
  }

  @Test
  void anIdBroughtInWithXsiTypeIsStillCheckedForDuplicates() {
    List<byte[]> inputs = idInputs();
    ReadResult unique = Iso20022.read(inputs.get(0), ReadOptions.EDGE);
    ReadResult twice = Iso20022.read(inputs.get(1), ReadOptions.EDGE);
    assertThat(unique.findings()).noneMatch(f -> f.text().startsWith("cvc-id"));
    assertThat(twice).isInstanceOf(ReadResult.Unreadable.class);
    assertThat(twice.findings()).anyMatch(f -> f.text().startsWith("cvc-id.2"));
  }

  /**
   * A pacs.008 whose supplementary data (a lax wildcard) carries elements typed xs:ID through
   * xsi:type: first with two different values, then with the same value twice.
   */
  private static List<byte[]> idInputs() {
    String base = new String(Iso20022.write(Fixtures.envelope(Fixtures.pacs008(1))), StandardCharsets.UTF_8);
    int end = base.indexOf("</CdtTrfTxInf>");
    assertThat(end).isPositive();
    List<byte[]> out = new ArrayList<>();
    for (String second : new String[] {"B2", "A1"}) {
      String extra = "<SplmtryData><Envlp><x:Ids xmlns:x=\"urn:x\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
          + " xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><x:Id xsi:type=\"xs:ID\">A1</x:Id><x:Id xsi:type=\"xs:ID\">"
          + second + "</x:Id></x:Ids></Envlp></SplmtryData>";
      out.add((base.substring(0, end) + extra + base.substring(end)).getBytes(StandardCharsets.UTF_8));
    }
    return out;
  }

  private static String preview(byte[] input) {
    String s = new String(input, StandardCharsets.UTF_8);
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }
}
