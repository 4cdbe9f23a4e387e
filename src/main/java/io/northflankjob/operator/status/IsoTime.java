package io.northflankjob.operator.status;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one format of every time the operator writes: ISO-8601 in UTC with milliseconds, as
 * Northflank returns it ({@code 2021-01-20T11:19:53.175Z}).
 */
public final class IsoTime {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private IsoTime() {}

  /** The instant in this format; {@code null} stays {@code null}. */
  public static String format(Instant instant) {
    return instant == null ? null : FORMAT.format(instant);
  }

  /**
   * A Kubernetes timestamp (RFC 3339, whole seconds or finer, any offset) in this format;
   * {@code null} stays {@code null}.
   */
  public static String fromKubernetes(String timestamp) {
    return timestamp == null ? null : format(parse(timestamp));
  }

  /** Reads an RFC 3339 timestamp, as Kubernetes and this class write them. */
  public static Instant parse(String timestamp) {
    return OffsetDateTime.parse(timestamp).toInstant();
  }
}
