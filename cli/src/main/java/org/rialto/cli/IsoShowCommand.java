package org.rialto.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rialto.iso20022.Finding;
import org.rialto.iso20022.Iso20022;
import org.rialto.iso20022.ReadOptions;
import org.rialto.iso20022.ReadResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "Print an ISO 20022 message as readable JSON: its type, header, document and any business-rule",
      "findings. A message that cannot be read prints its findings and exits with status 1."
    })
public final class IsoShowCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "Message file (XML, UTF-8).")
  Path file;

  @Option(names = "--no-schema", description = "Skip XSD validation.")
  boolean noSchema;

  @Override
  public Integer call() throws Exception {
    ReadResult r = Iso20022.read(IsoJson.read(file), ReadOptions.EDGE.withSchemaValidation(!noSchema));
    ObjectMapper mapper = IsoJson.mapper();
    if (r instanceof ReadResult.Parsed p) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("message", p.envelope().type().id());
      out.put("header", p.envelope().header());
      out.put("document", p.envelope().document());
      out.put("findings", IsoJson.findings(p.findings()));
      System.out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(out));
      return 0;
    }
    System.err.println(file + ": cannot be read");
    for (Finding f : r.findings()) System.err.println("  " + f.code() + " " + f.path() + ": " + f.text());
    return 1;
  }
}
