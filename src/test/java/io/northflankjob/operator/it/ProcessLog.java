package io.northflankjob.operator.it;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * Collects what kube-api-test logs, including the output of the etcd and kube-apiserver
 * processes it starts (logged at DEBUG), into one file per test class, and remembers the last
 * lines and whether a process died, so a failed start can say why instead of timing out.
 */
final class ProcessLog extends AppenderBase<ILoggingEvent> implements AutoCloseable {

  private static final String KUBE_API_TEST_LOGGER = "io.fabric8.kubeapitest";
  private static final int TAIL_LINES = 15;

  private final Writer file;
  /** The last lines of each source: kube-apiserver, etcd, and kube-api-test itself. */
  private final Map<String, Deque<String>> tails = new LinkedHashMap<>();
  private volatile String processDied;

  private ProcessLog(Path path) throws IOException {
    this.file = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
  }

  /** Starts capturing into {@code path}; {@link #close()} stops. */
  static ProcessLog capture(Path path) {
    try {
      ProcessLog log = new ProcessLog(path);
      log.setName("kube-api-test-" + path.getFileName());
      log.start();
      Logger logger = kubeApiTestLogger();
      logger.setLevel(Level.DEBUG);
      logger.setAdditive(false);
      logger.addAppender(log);
      return log;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Logger kubeApiTestLogger() {
    return (Logger) LoggerFactory.getLogger(KUBE_API_TEST_LOGGER);
  }

  @Override
  protected synchronized void append(ILoggingEvent event) {
    String source = source(event.getLoggerName());
    String line = source + ": " + event.getFormattedMessage();
    if (event.getLevel().isGreaterOrEqual(Level.ERROR) && line.contains("stopped unexpectedly")) {
      processDied = event.getFormattedMessage();
    }
    Deque<String> tail = tails.computeIfAbsent(source, s -> new ArrayDeque<>());
    tail.addLast(line);
    if (tail.size() > TAIL_LINES) {
      tail.removeFirst();
    }
    try {
      file.write(line);
      file.write('\n');
      file.flush();
    } catch (IOException e) {
      addError("cannot write " + line, e);
    }
  }

  /** The error kube-api-test logged when etcd or kube-apiserver exited by itself, if one did. */
  String processDied() {
    return processDied;
  }

  /** The last lines each process printed, kube-apiserver first. */
  synchronized String tail() {
    return Stream.of("kube-apiserver", "etcd", "kube-api-test")
        .filter(tails::containsKey)
        .map(source -> String.join("\n", tails.get(source)))
        .collect(Collectors.joining("\n"));
  }

  private static String source(String logger) {
    if (logger.endsWith("APIServerProcessLogs")) {
      return "kube-apiserver";
    }
    return logger.endsWith("EtcdProcessLogs") ? "etcd" : "kube-api-test";
  }

  @Override
  public synchronized void close() {
    kubeApiTestLogger().detachAppender(this);
    stop();
    try {
      file.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
