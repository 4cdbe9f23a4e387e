package io.northflankjob.operator.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/** How the commands print objects; each text ends with a newline. */
enum OutputFormat {

  /** Indented by two spaces, one array element a line, as Northflank's API pages show responses. */
  JSON {
    @Override
    String write(Object value) {
      try {
        return PRETTY_JSON.writeValueAsString(value) + "\n";
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
  },

  /** As kubectl prints objects: block style, strings quoted only where YAML needs it. */
  YAML {
    @Override
    String write(Object value) {
      try {
        return PLAIN_YAML.writeValueAsString(value);
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
  };

  private static final DefaultIndenter TWO_SPACES = new DefaultIndenter("  ", "\n");
  private static final ObjectWriter PRETTY_JSON = new ObjectMapper().writer(
      new DefaultPrettyPrinter(Separators.createDefaultInstance()
          .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
          .withObjectEmptySeparator("")
          .withArrayEmptySeparator(""))
          .withObjectIndenter(TWO_SPACES)
          .withArrayIndenter(TWO_SPACES));
  private static final ObjectWriter PLAIN_YAML = YAMLMapper.builder(YAMLFactory.builder()
          .stringQuotingChecker(new QuotingTimes())
          .build())
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .build()
      .writer();

  abstract String write(Object value);

  /**
   * Also quotes what YAML 1.1 reads as a timestamp ({@code createdAt: 2021-01-20T11:19:53.175Z}),
   * as kubectl does, so every YAML reader gets the string back.
   */
  private static final class QuotingTimes extends StringQuotingChecker.Default {

    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}.*");

    @Override
    public boolean needToQuoteValue(String value) {
      return super.needToQuoteValue(value) || TIMESTAMP.matcher(value).matches();
    }
  }
}
