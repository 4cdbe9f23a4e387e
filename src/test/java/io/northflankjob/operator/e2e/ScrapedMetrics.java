package io.northflankjob.operator.e2e;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of a Prometheus text endpoint, read the way a query would: by name and labels. */
record ScrapedMetrics(String text) {

  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})?\\s+(\\S+)$");

  /**
   * The sum of the samples of {@code name} whose labels include every {@code label="value"}
   * given (e.g. {@code "kind=\"NorthflankJobRun\""}); 0 when there is none.
   */
  double sum(String name, String... labels) {
    return text.lines()
        .map(SAMPLE::matcher)
        .filter(Matcher::matches)
        .filter(sample -> sample.group(1).equals(name))
        .filter(sample -> Arrays.stream(labels).allMatch(label ->
            sample.group(3) != null && ("," + sample.group(3) + ",").contains("," + label + ",")))
        .mapToDouble(sample -> Double.parseDouble(sample.group(4)))
        .sum();
  }

  /** Whether any sample of {@code name} is there. */
  boolean has(String name) {
    return text.lines().map(SAMPLE::matcher).anyMatch(m -> m.matches() && m.group(1).equals(name));
  }
}
