package io.northflankjob.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.northflankjob.operator.api.v1alpha1.External;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRun;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRunSpec;
import io.northflankjob.operator.desired.RunJobManifest;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a NorthflankJobRun can start: the CRD's rules, and the operator's rules on what the run
 * overrides (plan, image, docker commands). The job's own problems are {@link JobValidator}'s.
 */
public final class RunValidator {

  private RunValidator() {}

  /**
   * The problems of {@code run}, a run of {@code job}; none when it can start.
   *
   * @param job the job the run names, or null when it is not known; then the run's own fields
   *     are checked, but not whether the run has an image to run
   */
  public static List<Problem> validate(NorthflankJobRun run, NorthflankJob job) {
    return JobValidator.merge(SchemaValidator.forRuns().validate(Manifests.tree(run)), rules(run, job));
  }

  /** The problems of a NorthflankJobRun manifest, e.g. from a file, as a run of {@code job}. */
  public static List<Problem> validate(JsonNode manifest, NorthflankJob job) {
    List<Problem> schema = SchemaValidator.forRuns().validate(manifest);
    List<Problem> rules = manifest != null && manifest.isObject()
        ? Manifests.read((ObjectNode) manifest, NorthflankJobRun.class).map(run -> rules(run, job)).orElse(List.of())
        : List.of();
    return JobValidator.merge(schema, rules);
  }

  private static List<Problem> rules(NorthflankJobRun run, NorthflankJob job) {
    List<Problem> problems = new ArrayList<>();
    if (run.getMetadata() != null) {
      OperatorRules.nameLength("metadata.name", run.getMetadata().getName(),
          RunJobManifest.MAX_NAME_LENGTH,
          "the run's Job takes its name, and Kubernetes puts it in a label of the Job's pods")
          .ifPresent(problems::add);
    }
    NorthflankJobRunSpec spec = run.getSpec();
    if (spec == null) {
      problems.add(new Problem("spec", "required"));
      return problems;
    }
    if (spec.billing != null) {
      OperatorRules.plan("spec.billing.deploymentPlan", spec.billing.deploymentPlan).ifPresent(problems::add);
    }
    External override = spec.deployment == null ? null : spec.deployment.external;
    if (override != null) {
      OperatorRules.image("spec.deployment.external.imagePath", override, "required").ifPresent(problems::add);
    } else if (job != null && !hasImage(job)) {
      // A bad image of the job is the job's problem; a missing one the run can supply.
      problems.add(new Problem("spec.deployment.external.imagePath", "required: job "
          + Messages.quote(job.getMetadata().getName()) + " sets no image, so its runs must"));
    }
    if (spec.deployment != null) {
      problems.addAll(OperatorRules.docker("spec.deployment.docker", spec.deployment.docker));
    }
    return problems;
  }

  private static boolean hasImage(NorthflankJob job) {
    External external = job.getSpec() == null || job.getSpec().deployment == null
        ? null
        : job.getSpec().deployment.external;
    return external != null && external.imagePath != null && !external.imagePath.isBlank();
  }
}
