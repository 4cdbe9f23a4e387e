package io.northflankjob.operator.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The API server's audit log, which records one line per write (see {@link LocalApiServer}).
 * Counts a user's writes between two marks.
 */
final class AuditLog {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;

  AuditLog(Path file) {
    this.file = file;
  }

  Path file() {
    return file;
  }

  /** Where the log ends now; count from here with {@link #writesSince}. */
  long mark() {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The writes {@code user} made since {@code mark}, by verb, resource and subresource. */
  Writes writesSince(long mark, String user) {
    Map<String, Integer> byRequest = new TreeMap<>();
    int total = 0;
    int failed = 0;
    if (!Files.exists(file)) {
      return new Writes(0, 0, byRequest);
    }
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      in.seek(mark);
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode event = JSON.readTree(new String(line.getBytes(StandardCharsets.ISO_8859_1),
            StandardCharsets.UTF_8));
        if (!user.equals(event.path("user").path("username").asText())) {
          continue;
        }
        JsonNode ref = event.path("objectRef");
        String subresource = ref.path("subresource").asText();
        String key = event.path("verb").asText() + " " + ref.path("resource").asText()
            + (subresource.isEmpty() ? "" : "/" + subresource);
        int code = event.path("responseStatus").path("code").asInt();
        if (code >= 400) {
          key += " (" + code + ")";
          failed++;
        }
        byRequest.merge(key, 1, Integer::sum);
        total++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Writes(total, failed, byRequest);
  }

  /** A count of writes; {@code byRequest} keys read like {@code patch cronjobs} or {@code create events}. */
  record Writes(int total, int failed, Map<String, Integer> byRequest) {

    @Override
    public String toString() {
      return total + " " + byRequest;
    }
  }
}
