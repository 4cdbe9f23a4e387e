package io.northflankjob.operator.desired;

import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRun;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The labels and annotations on every object made for a job, and the values to select them by. */
public final class JobLabels {

  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String MANAGED_BY_VALUE = "northflank-job-operator";
  public static final String JOB = "northflank.com/job";
  public static final String RUN = "northflank.com/run";
  public static final String TAG_PREFIX = "tag.northflank.com/";
  public static final String TAGS_ANNOTATION = "northflank.com/tags";
  public static final String NAME_ANNOTATION = "northflank.com/name";
  public static final String DESCRIPTION_ANNOTATION = "northflank.com/description";

  private static final int HASH_LENGTH = 10;

  private JobLabels() {}

  /** Labels of the CronJob, and of every Job and pod of the job. */
  static Map<String, String> of(NorthflankJob job) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(MANAGED_BY, MANAGED_BY_VALUE);
    labels.put(JOB, jobSelectorValue(job.getMetadata().getName()));
    for (String tag : tags(job.getSpec())) {
      // Tags may be up to 100 characters; one that makes no valid key is kept in the annotation only.
      String key = TAG_PREFIX + tag;
      if (LabelSyntax.isValidKey(key)) {
        labels.put(key, "true");
      }
    }
    return labels;
  }

  /** Labels of a run's Job and its pod: the job's, plus the run. */
  static Map<String, String> of(NorthflankJob job, NorthflankJobRun run) {
    Map<String, String> labels = of(job);
    labels.put(RUN, runSelectorValue(run.getMetadata().getName()));
    return labels;
  }

  /** Annotations of every object made for the job: its display name, description and tags. */
  static Map<String, String> annotations(NorthflankJob job) {
    NorthflankJobSpec spec = job.getSpec();
    Map<String, String> annotations = new LinkedHashMap<>();
    if (spec.name != null) {
      annotations.put(NAME_ANNOTATION, spec.name);
    }
    if (spec.description != null) {
      annotations.put(DESCRIPTION_ANNOTATION, spec.description);
    }
    List<String> tags = tags(spec);
    if (!tags.isEmpty()) {
      annotations.put(TAGS_ANNOTATION, String.join(",", tags));
    }
    return annotations;
  }

  /** The {@value #JOB} label value of the objects of the NorthflankJob named {@code jobName}. */
  public static String jobSelectorValue(String jobName) {
    return nameValue(jobName);
  }

  /** The {@value #RUN} label value of the Job of the NorthflankJobRun named {@code runName}. */
  public static String runSelectorValue(String runName) {
    return nameValue(runName);
  }

  /**
   * An object name as a label value. Names are DNS subdomains of up to 253 characters and values
   * allow 63, so a longer name becomes its first 52 characters, '-' and 10 hex digits of its
   * SHA-256: stable, valid, and distinct for names that share the first 52 characters.
   */
  private static String nameValue(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("an object without metadata.name cannot be labelled");
    }
    if (name.length() <= LabelSyntax.MAX_NAME_LENGTH) {
      return name;
    }
    int keep = LabelSyntax.MAX_NAME_LENGTH - 1 - HASH_LENGTH;
    return name.substring(0, keep) + "-" + sha256Hex(name).substring(0, HASH_LENGTH);
  }

  private static String sha256Hex(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static List<String> tags(NorthflankJobSpec spec) {
    return spec.tags == null ? List.of() : spec.tags;
  }
}
