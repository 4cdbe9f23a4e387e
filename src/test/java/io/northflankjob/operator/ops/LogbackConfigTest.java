package io.northflankjob.operator.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.MDC;

/** The shipped logback.xml, configured into a context of its own with the given variables; it logs to standard error. */
class LogbackConfigTest {

  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private final PrintStream originalErr = System.err;
  private LoggerContext context;

  @AfterEach
  void restore() {
    MDC.clear();
    if (context != null) {
      context.stop();
    }
    System.setErr(originalErr);
  }

  @Test
  void textIsTheDefaultAndNamesTheReconciledResource() throws Exception {
    Logger log = configure(Map.of());

    log.info("outside a reconciliation");
    putResource();
    log.info("reconciled");

    String[] lines = output().split("\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0])
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\S+ INFO  \\[.+\\] test - outside a reconciliation");
    assertThat(lines[1]).endsWith(" test [NorthflankJob team-a/nightly-report] - reconciled");
  }

  @Test
  void jsonWritesOneObjectPerLineWithTheMdc() throws Exception {
    Logger log = configure(Map.of("NF_LOG_FORMAT", "json"));

    putResource();
    log.warn("plan {} is unknown", "nf-compute-0");

    String[] lines = output().split("\n");
    assertThat(lines).hasSize(1);
    JsonNode line = new ObjectMapper().readTree(lines[0]);
    assertThat(line.path("level").asText()).isEqualTo("WARN");
    assertThat(line.path("loggerName").asText()).isEqualTo("test");
    assertThat(line.path("formattedMessage").asText()).isEqualTo("plan nf-compute-0 is unknown");
    assertThat(line.path("mdc").path("resource.namespace").asText()).isEqualTo("team-a");
    assertThat(line.path("mdc").path("resource.name").asText()).isEqualTo("nightly-report");
    assertThat(line.has("context")).as("logger context, repeated on every line").isFalse();
  }

  @Test
  void levelComesFromNfLogLevel() throws Exception {
    Logger log = configure(Map.of("NF_LOG_LEVEL", "warn"));

    log.info("hidden");
    log.warn("shown");

    assertThat(output()).doesNotContain("hidden").contains("shown");
  }

  private Logger configure(Map<String, String> variables) throws JoranException {
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    context = new LoggerContext();
    // The adapter behind org.slf4j.MDC, so the MDC entries put below reach this context.
    context.setMDCAdapter(MDC.getMDCAdapter());
    // Context properties are looked up before system properties and the environment.
    variables.forEach(context::putProperty);
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(getClass().getResource("/logback.xml"));
    return context.getLogger("test");
  }

  /** What the Java Operator SDK puts in the MDC while it reconciles a resource. */
  private static void putResource() {
    MDC.put("resource.kind", "NorthflankJob");
    MDC.put("resource.namespace", "team-a");
    MDC.put("resource.name", "nightly-report");
  }

  private String output() {
    return stderr.toString(StandardCharsets.UTF_8);
  }
}
