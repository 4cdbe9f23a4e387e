package io.northflankjob.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRun;
import io.northflankjob.operator.api.v1alpha1.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every manifest in examples/, applied as a user would, does what its comments say. */
@ExtendWith(LocalClusterExtension.class)
class ExamplesE2E {

  private static final Path EXAMPLES = Path.of("examples");

  private static InJvmOperator operator;
  private static Namespace namespace;

  @BeforeAll
  static void applyExamples(LocalCluster cluster) {
    cluster.createNamespace("e2e-examples", Map.of());
    operator = InJvmOperator.start(cluster.newClient(), "e2e-examples");
    namespace = new Namespace(operator.client(), "e2e-examples");
    cluster.kubectl("apply", "-n", namespace.name(), "-f", cluster.root().resolve(EXAMPLES).toString())
        .orFail();
  }

  @AfterAll
  static void stopOperator() {
    if (operator != null) {
      operator.close();
    }
  }

  @ParameterizedTest(name = "{0}: {1} {2}")
  @MethodSource("examples")
  void exampleBecomesReady(String file, String kind, String name) {
    switch (kind) {
      case "NorthflankJob" -> await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
          assertThat(Namespace.ready(namespace.job(name)))
              .hasValueSatisfying(ready -> assertThat(ready.getStatus()).isEqualTo("True")));
      case "NorthflankJobRun" -> {
        NorthflankJobRun run = await().atMost(Duration.ofSeconds(90)).until(() -> namespace.run(name),
            r -> r != null && r.getStatus() != null && Boolean.TRUE.equals(r.getStatus().concluded));
        assertThat(run.getStatus().status).isEqualTo(RunStatus.SUCCESS);
        assertThat(Namespace.ready(run))
            .hasValueSatisfying(ready -> assertThat(ready.getStatus()).isEqualTo("True"));
      }
      default -> throw new AssertionError(file + ": an example of an unexpected kind " + kind);
    }
  }

  /** Each object of each example file: file name, kind and name. */
  static Stream<Arguments> examples() throws IOException {
    List<Arguments> objects = new ArrayList<>();
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        try (MappingIterator<JsonNode> documents = new YAMLMapper().readerFor(JsonNode.class).readValues(file.toFile())) {
          for (JsonNode document : documents.readAll()) {
            objects.add(Arguments.of(file.getFileName().toString(), document.path("kind").asText(),
                document.path("metadata").path("name").asText()));
          }
        }
      }
    }
    assertThat(objects).isNotEmpty();
    return objects.stream();
  }
}
