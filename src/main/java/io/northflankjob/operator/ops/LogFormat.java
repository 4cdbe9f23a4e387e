package io.northflankjob.operator.ops;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How log lines are written. {@code logback.xml} picks the appender named by {@code
 * NF_LOG_FORMAT}; the operator checks the value at start so a typo fails loudly instead of
 * silencing the logs.
 */
public enum LogFormat {
  /** One human-readable line per event, naming the resource being reconciled. */
  TEXT,
  /** One JSON object per line (logback's JsonEncoder), the MDC under {@code "mdc"}. */
  JSON;

  /** The value as written in NF_LOG_FORMAT and in logback.xml's appender names. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static LogFormat parse(String value) {
    return Arrays.stream(values())
        .filter(format -> format.value().equals(value))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "log format must be one of "
                        + Arrays.stream(values())
                            .map(LogFormat::value)
                            .collect(Collectors.joining(", "))
                        + ", was '"
                        + value
                        + "'"));
  }
}
