package io.northflankjob.operator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.crdv2.generator.CRDGenerator;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The CRDs are generated from the classes in this package; the copies checked in under crds/
 * (which the chart and the jar carry) must match them, so a change to the classes cannot ship
 * with stale CRDs. {@code make crds} runs this test with {@code -Dcrds.update=true} to rewrite them.
 */
class CrdsUpToDateTest {

  private static final Path CRDS = Path.of("crds");

  @Test
  void checkedInCrdsMatchTheApiClasses() throws IOException {
    Map<String, String> generated = generate();
    assertThat(generated).containsOnlyKeys(
        "northflankjobs.northflank.com", "northflankjobruns.northflank.com");

    for (Map.Entry<String, String> crd : generated.entrySet()) {
      Path checkedIn = CRDS.resolve(crd.getKey() + ".yaml");
      if (Boolean.getBoolean("crds.update")) {
        Files.writeString(checkedIn, crd.getValue());
      }
      assertThat(Files.readString(checkedIn))
          .as("%s is stale: run `make crds` and commit the result", checkedIn)
          .isEqualTo(crd.getValue());
    }
  }

  @Test
  void printerColumnsKeepTheOrderTheyAreDeclaredIn() {
    CustomResourceDefinition crd = new CustomResourceDefinitionBuilder()
        .withNewSpec().withNewNames().withKind("NorthflankJobRun").endNames()
        .addNewVersion()
            .addNewAdditionalPrinterColumn().withName("Age").endAdditionalPrinterColumn()
            .addNewAdditionalPrinterColumn().withName("Concluded").endAdditionalPrinterColumn()
            .addNewAdditionalPrinterColumn().withName("Job").endAdditionalPrinterColumn()
            .addNewAdditionalPrinterColumn().withName("Started").endAdditionalPrinterColumn()
            .addNewAdditionalPrinterColumn().withName("Status").endAdditionalPrinterColumn()
        .endVersion().endSpec()
        .build();

    DECLARED_COLUMN_ORDER.process(crd, "v1");

    assertThat(crd.getSpec().getVersions().get(0).getAdditionalPrinterColumns())
        .extracting(CustomResourceColumnDefinition::getName)
        .containsExactly("Job", "Status", "Started", "Concluded", "Age");
  }

  /** CRD name to YAML, as generated from the API classes. */
  private static Map<String, String> generate() {
    Map<String, ByteArrayOutputStream> outputs = new TreeMap<>();
    new CRDGenerator()
        .customResourceClasses(NorthflankJob.class, NorthflankJobRun.class)
        .forCRDVersions("v1")
        .withPostProcessor(DECLARED_COLUMN_ORDER)
        .withOutput(new CRDGenerator.CRDOutput<ByteArrayOutputStream>() {
          @Override
          public ByteArrayOutputStream outputFor(String crdName) {
            return outputs.computeIfAbsent(crdName, name -> new ByteArrayOutputStream());
          }

          @Override
          public void close() {}
        })
        .generate();
    Map<String, String> yaml = new TreeMap<>();
    outputs.forEach((name, out) -> yaml.put(name.replaceFirst("-v1$", ""), out.toString(StandardCharsets.UTF_8)));
    return yaml;
  }

  /**
   * The generator orders printer columns by JSON path, which puts Age first; kubectl users expect
   * the order the classes declare them in, Age last as in every built-in kind.
   */
  private static final CRDPostProcessor DECLARED_COLUMN_ORDER = new CRDPostProcessor() {
    @Override
    public HasMetadata process(HasMetadata resource, String crdSpecVersion) {
      CustomResourceDefinition crd = (CustomResourceDefinition) resource;
      List<String> declared = Stream.of(NorthflankJob.class, NorthflankJobRun.class)
          .filter(type -> type.getSimpleName().equals(crd.getSpec().getNames().getKind()))
          .flatMap(type -> Stream.of(type.getAnnotationsByType(AdditionalPrinterColumn.class)))
          .map(AdditionalPrinterColumn::name)
          .toList();
      crd.getSpec().getVersions().forEach(version -> version.getAdditionalPrinterColumns()
          .sort(Comparator.comparing(column -> declared.indexOf(column.getName()))));
      return crd;
    }
  };
}
