package org.rialto.compliance.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real UN Security Council Consolidated List (generated 2026-02-27), as shipped. */
class UnXmlImporterTest {
  private static final SanctionsList UN = BuiltinLists.un();

  @Test
  void readsEveryIndividualAndEntity() {
    assertThat(UN.entries()).hasSize(1003);
    assertThat(UN.entries().stream().filter(e -> e.kind() == EntryKind.PERSON)).hasSize(730);
    assertThat(UN.entries().stream().filter(e -> e.kind() == EntryKind.ORGANISATION)).hasSize(273);
    assertThat(UN.version().nameCount()).isEqualTo(4296);
    long lowQuality = UN.entries().stream().flatMap(e -> e.names().stream())
        .filter(n -> n.quality() == EntryName.Quality.LOW).count();
    assertThat(lowQuality).isEqualTo(628);
    long originalScript = UN.entries().stream().flatMap(e -> e.names().stream())
        .filter(n -> n.type() == EntryName.Type.ORIGINAL_SCRIPT).count();
    assertThat(originalScript).isGreaterThanOrEqualTo(378);
  }

  @Test
  void knownIndividualByField() {
    ListEntry e = UN.entry("110408");
    assertThat(e.reference()).isEqualTo("IRi.039");
    assertThat(e.kind()).isEqualTo(EntryKind.PERSON);
    assertThat(e.primaryName().name()).isEqualTo("QASEM SOLEIMANI");
    assertThat(e.names()).extracting(EntryName::name).contains("Qasim Soleimani", "Qasem Sulaymani", "Haji Qassem");
    // "Qasim Soleimani; Qasem Sulaimani; ..." is one ALIAS_NAME field in the XML: split into names.
    assertThat(e.names()).filteredOn(n -> n.name().equals("Haj Qasem")).singleElement()
        .extracting(EntryName::quality).isEqualTo(EntryName.Quality.LOW);
    assertThat(e.birthDates()).containsExactly(BirthDate.ofDay(LocalDate.of(1957, 3, 11)));
    assertThat(e.countries()).containsExactly("IR");
    assertThat(e.programs()).containsExactly("Iran");
  }

  @Test
  void yearOnlyBirthDatesAndCountriesFromNationalityAndAddress() {
    ListEntry badege = UN.entry("6907993");
    assertThat(badege.primaryName().name()).isEqualTo("ERIC BADEGE");
    assertThat(badege.birthDates()).containsExactly(BirthDate.ofYears(1971, 1971, false));
    assertThat(badege.countries()).containsExactly("CD", "RW");
    ListEntry bwambale = UN.entry("6907994");
    assertThat(bwambale.names()).extracting(EntryName::name)
        .containsExactly("FRANK KAKOLELE BWAMBALE", "FRANK KAKORERE", "FRANK KAKORERE BWAMBALE", "AIGLE BLANC");
  }

  @Test
  void originalScriptNamesAreKept() {
    ListEntry saddam = UN.entries().stream().filter(e -> e.primaryName().name().equals("SADDAM HUSSEIN AL-TIKRITI"))
        .findFirst().orElseThrow();
    assertThat(saddam.names()).anySatisfy(n -> {
      assertThat(n.type()).isEqualTo(EntryName.Type.ORIGINAL_SCRIPT);
      assertThat(n.name()).isEqualTo("صدام حسين التكريتي");
    });
  }

  @Test
  void splitsPackedAliasFields() {
    assertThat(NameText.splitListedName("Mohammed Sabet; Mohammad Sabet b) M. Javad Kareemi Sabet"))
        .containsExactly("Mohammed Sabet", "Mohammad Sabet", "M. Javad Kareemi Sabet");
    assertThat(NameText.splitListedName("Amir Khazmat (original script: Амир Хазмат)")).containsExactly("Amir Khazmat", "Амир Хазмат");
    assertThat(NameText.splitListedName("Abdel Ilah Sabri (false identity related to fraudulent passport)"))
        .containsExactly("Abdel Ilah Sabri");
    assertThat(NameText.splitListedName("Safia Farkash Mohammed Al-Hadad, born 1 Jan. 1953 (Oman passport)"))
        .containsExactly("Safia Farkash Mohammed Al-Hadad");
    assertThat(NameText.splitListedName("HAQQANI NETWORK (HQN)")).containsExactly("HAQQANI NETWORK", "HQN");
  }

  @Test
  void refusesDoctypesAndExternalEntities() {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
        + "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>&e;</FIRST_NAME></INDIVIDUAL>"
        + "</INDIVIDUALS></CONSOLIDATED_LIST>";
    assertThatThrownBy(() -> UnXmlImporter.read(new ByteArrayInputStream(xxe.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsANewerDownloadWithOtherFieldsAndPartialDates() {
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <CONSOLIDATED_LIST dateGenerated="2027-01-01T00:00:00Z" newAttribute="x">
          <INDIVIDUALS><INDIVIDUAL>
            <DATAID>42</DATAID><FIRST_NAME>TEST</FIRST_NAME><SECOND_NAME>PERSON</SECOND_NAME>
            <NEW_FIELD><VALUE>ignored</VALUE></NEW_FIELD>
            <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>T. Person</ALIAS_NAME></INDIVIDUAL_ALIAS>
            <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1961-00-00</DATE></INDIVIDUAL_DATE_OF_BIRTH>
            <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE><FROM_YEAR>1960</FROM_YEAR><TO_YEAR>1963</TO_YEAR></INDIVIDUAL_DATE_OF_BIRTH>
            <NATIONALITY><VALUE>Russian Federation</VALUE></NATIONALITY>
          </INDIVIDUAL></INDIVIDUALS>
          <ENTITIES/>
        </CONSOLIDATED_LIST>
        """;
    List<ListEntry> entries = UnXmlImporter.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    assertThat(entries).singleElement().satisfies(e -> {
      assertThat(e.primaryName().name()).isEqualTo("TEST PERSON");
      assertThat(e.birthDates()).containsExactly(BirthDate.ofYears(1961, 1961, false), BirthDate.ofYears(1960, 1963, false));
      assertThat(e.countries()).containsExactly("RU");
    });
  }
}
