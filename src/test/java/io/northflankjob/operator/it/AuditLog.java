package io.northflankjob.operator.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The API server's audit log: one JSON event per request that changes something (the policy
 * {@link ApiServer} installs leaves reads out). Lets a test count the writes a client made.
 */
public final class AuditLog {

  /** The verbs of requests that write. */
  public static final Set<String> WRITE_VERBS =
      Set.of("create", "update", "patch", "delete", "deletecollection");

  /**
   * Audit policy: nothing for reads; for writes, one event each with the request body, so that a
   * test that finds a write it did not expect can say what was written.
   */
  static final String POLICY = """
      apiVersion: audit.k8s.io/v1
      kind: Policy
      omitStages: ["RequestReceived", "ResponseStarted"]
      rules:
        - level: None
          verbs: ["get", "list", "watch"]
        - level: Request
      """;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;

  AuditLog(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  /** Every event logged so far, oldest first. */
  public List<Event> events() {
    if (!Files.exists(file)) {
      return List.of();
    }
    try (Stream<String> lines = Files.lines(file)) {
      return lines.filter(line -> !line.isBlank()).map(AuditLog::parse).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The write requests {@code user} made so far. */
  public List<Event> writesBy(String user) {
    return events().stream().filter(e -> e.isWrite() && user.equals(e.user())).toList();
  }

  private static Event parse(String line) {
    try {
      JsonNode event = JSON.readTree(line);
      JsonNode ref = event.path("objectRef");
      return new Event(
          event.path("verb").asText(),
          event.path("user").path("username").asText(),
          event.path("userAgent").asText(),
          ref.path("resource").asText(),
          ref.path("subresource").asText(),
          ref.path("namespace").asText(),
          ref.path("name").asText(),
          event.path("responseStatus").path("code").asInt(),
          event.path("requestURI").asText(),
          event.path("requestObject").toString());
    } catch (IOException e) {
      throw new UncheckedIOException("not an audit event: " + line, e);
    }
  }

  /** One request as the audit log records it; absent fields are empty strings or 0. */
  public record Event(
      String verb,
      String user,
      String userAgent,
      String resource,
      String subresource,
      String namespace,
      String name,
      int code,
      String requestUri,
      String requestBody) {

    public boolean isWrite() {
      return WRITE_VERBS.contains(verb);
    }

    @Override
    public String toString() {
      return verb + " " + requestUri + " -> " + code + " (" + user + ")\n    " + requestBody;
    }
  }
}
