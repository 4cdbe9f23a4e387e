package io.northflankjob.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobSpec;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobSpec.JobType;
import io.northflankjob.operator.desired.CronJobManifest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Whether the operator can run a NorthflankJob: the CRD's rules (which the API server enforces,
 * unless it runs an older CRD, so they are checked again here) and the operator's own: the
 * schedule is cron, the plan is known, there is an image to run, commands split into words.
 */
public final class JobValidator {

  private static final String NO_IMAGE = "required: this operator runs an existing image and does not build"
      + " one (vcsData, buildConfiguration and buildEngineConfiguration are kept but not built)";

  private JobValidator() {}

  /** The problems of a job read from the API server; none when it can run. */
  public static List<Problem> validate(NorthflankJob job) {
    return merge(SchemaValidator.forJobs().validate(Manifests.tree(job)), rules(job));
  }

  /**
   * The problems of a NorthflankJob manifest, e.g. from a file: every problem the API server
   * would report, and the operator's own where the manifest can be read as a job.
   */
  public static List<Problem> validate(JsonNode manifest) {
    List<Problem> schema = SchemaValidator.forJobs().validate(manifest);
    List<Problem> rules = manifest != null && manifest.isObject()
        ? Manifests.read((ObjectNode) manifest, NorthflankJob.class).map(JobValidator::rules).orElse(List.of())
        : List.of();
    return merge(schema, rules);
  }

  private static List<Problem> rules(NorthflankJob job) {
    List<Problem> problems = new ArrayList<>();
    NorthflankJobSpec spec = job.getSpec();
    if (spec == null) {
      // The API server accepts an object without spec; the operator has nothing to run.
      problems.add(new Problem("spec", "required"));
      return problems;
    }
    boolean cron = spec.jobType == JobType.CRON;
    if (cron && job.getMetadata() != null) {
      OperatorRules.nameLength("metadata.name", job.getMetadata().getName(),
          CronJobManifest.MAX_NAME_LENGTH,
          "the CronJob takes the job's name, and Kubernetes adds 11 characters to it to name each Job")
          .ifPresent(problems::add);
    }
    String schedule = spec.settings == null || spec.settings.cron == null ? null : spec.settings.cron.schedule;
    if (schedule != null && spec.jobType != JobType.MANUAL) {
      CronSchedule.problem(schedule)
          .ifPresent(message -> problems.add(new Problem("spec.settings.cron.schedule", message)));
    }
    if (spec.billing != null) {
      OperatorRules.plan("spec.billing.deploymentPlan", spec.billing.deploymentPlan).ifPresent(problems::add);
    }
    OperatorRules.image("spec.deployment.external.imagePath",
        spec.deployment == null ? null : spec.deployment.external, NO_IMAGE).ifPresent(problems::add);
    if (spec.deployment != null) {
      problems.addAll(OperatorRules.docker("spec.deployment.docker", spec.deployment.docker));
      problems.addAll(OperatorRules.buildpack("spec.deployment.buildpack", spec.deployment.buildpack));
    }
    return problems;
  }

  /**
   * The schema's problems and the operator's, ordered by field. Where the schema already found a
   * field wrong, the operator's rule about the same field adds nothing.
   */
  static List<Problem> merge(List<Problem> schema, List<Problem> rules) {
    List<Problem> all = new ArrayList<>(schema);
    for (Problem problem : rules) {
      if (schema.stream().noneMatch(known -> known.field().equals(problem.field()))) {
        all.add(problem);
      }
    }
    all.sort(Comparator.comparing(Problem::field).thenComparing(Problem::message));
    return List.copyOf(all);
  }
}
