package org.rialto.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rialto.iso20022.Finding;
import org.rialto.iso20022.Iso20022;
import org.rialto.iso20022.ReadOptions;
import org.rialto.iso20022.ReadResult;
import org.rialto.iso20022.ReasonCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Validate ISO 20022 messages: well-formedness and hostile-input limits, the official XSD, and the",
      "business rules (currency, amounts, BIC, IBAN, LEI, UETR, counts and sums, dates, FATF R16).",
      "Exit status 0 when every file is valid, 1 otherwise."
    })
public final class IsoValidateCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Message files (XML, UTF-8).")
  List<Path> files;

  @Option(names = "--json", description = "One JSON object per file, each on its own line.")
  boolean json;

  @Option(names = "--no-schema", description = "Skip XSD validation (business rules only).")
  boolean noSchema;

  @Option(names = "--no-rules", description = "Skip the business rules (XSD only).")
  boolean noRules;

  @Override
  public Integer call() throws Exception {
    ReadOptions options = ReadOptions.EDGE.withSchemaValidation(!noSchema).withBusinessRules(!noRules);
    ObjectMapper mapper = IsoJson.mapper();
    boolean allValid = true;
    for (Path file : files) {
      String message = null;
      boolean valid;
      List<Finding> findings;
      try {
        ReadResult r = Iso20022.read(IsoJson.read(file), options);
        valid = r.ok();
        findings = r.findings();
        message = switch (r) {
          case ReadResult.Parsed p -> p.envelope().type().id();
          case ReadResult.Unreadable u -> u.messageDefinitionId();
        };
      } catch (UncheckedIOException e) {
        valid = false;
        findings = List.of(new Finding(ReasonCode.FF01, "/", "cannot read the file: " + e.getCause()));
      }
      allValid &= valid;
      if (json) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("file", file.toString());
        line.put("message", message);
        line.put("valid", valid);
        line.put("findings", IsoJson.findings(findings));
        System.out.println(mapper.copy().setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
            .writeValueAsString(line));
      } else {
        System.out.println(file + ": " + (message == null ? "unknown message" : message) + (valid ? " valid" : " INVALID"));
        for (Finding f : findings) System.out.println("  " + f.code() + " " + f.path() + ": " + f.text());
      }
    }
    return allValid ? 0 : 1;
  }
}
