package io.northflankjob.operator.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Helm installs the chart's crds/ directory, not the repository's: the two must hold the same
 * files, byte for byte, or a chart install would create stale CRDs.
 */
class HelmChartCrdsTest {

  private static final Path REPO_CRDS = Path.of("crds");
  private static final Path CHART_CRDS = Path.of("helm/northflank-job-operator/crds");

  @Test
  void chartHoldsTheSameCrdFiles() throws IOException {
    assertThat(yamlFiles(CHART_CRDS))
        .as("files in %s (run `make crds` and commit the result)", CHART_CRDS)
        .isEqualTo(yamlFiles(REPO_CRDS))
        .isNotEmpty();
  }

  @Test
  void chartCrdsMatchTheRepositoryCrds() throws IOException {
    for (String file : yamlFiles(REPO_CRDS)) {
      assertThat(CHART_CRDS.resolve(file))
          .as("%s is stale: run `make crds` and commit the result", CHART_CRDS.resolve(file))
          .exists()
          .hasSameBinaryContentAs(REPO_CRDS.resolve(file));
    }
  }

  private static List<String> yamlFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(".yaml") || name.endsWith(".yml"))
          .sorted()
          .toList();
    }
  }
}
