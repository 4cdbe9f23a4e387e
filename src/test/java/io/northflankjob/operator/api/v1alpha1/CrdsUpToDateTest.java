package io.northflankjob.operator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CRDs are generated from the classes in this package at build time; the copies checked in
 * under crds/ must match them, so a change to the classes cannot ship with stale CRDs.
 */
class CrdsUpToDateTest {

  @ParameterizedTest
  @ValueSource(strings = {"northflankjobs.northflank.com", "northflankjobruns.northflank.com"})
  void checkedInCrdMatchesGenerated(String crdName) throws IOException {
    Path generated = Path.of("target/classes/META-INF/fabric8/" + crdName + "-v1.yml");
    Path checkedIn = Path.of("crds/" + crdName + ".yaml");

    assertThat(generated).as("generated CRD (run the build's process-classes phase)").exists();
    assertThat(Files.readString(checkedIn))
        .as("crds/%s.yaml is stale: run `make crds` and commit the result", crdName)
        .isEqualTo(Files.readString(generated));
  }
}
