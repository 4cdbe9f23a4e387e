package io.northflankjob.operator.cli;

import io.northflankjob.operator.desired.RunJobManifest;
import java.util.random.RandomGenerator;

/** Names for NorthflankJobRuns made from their job's name, short enough for the run's Job. */
final class RunNames {

  /** The characters Kubernetes' generateName picks from: no vowels, no look-alikes. */
  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
  private static final int RANDOM_LENGTH = 5;

  private RunNames() {}

  /** {@code <job>-<5 random characters>}, as {@code generateName: <job>-} would give. */
  static String generate(String jobName, RandomGenerator random) {
    StringBuilder suffix = new StringBuilder("-");
    for (int i = 0; i < RANDOM_LENGTH; i++) {
      suffix.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return withSuffix(jobName, suffix.toString());
  }

  /**
   * {@code jobName + suffix}, the job's name cut so the whole fits a run's Job name. A job's name
   * may be longer than that; the cut drops trailing '-' and '.' so the result stays a valid name.
   */
  static String withSuffix(String jobName, String suffix) {
    String prefix = jobName;
    if (prefix.length() + suffix.length() > RunJobManifest.MAX_NAME_LENGTH) {
      prefix = prefix.substring(0, RunJobManifest.MAX_NAME_LENGTH - suffix.length())
          .replaceAll("[-.]+$", "");
    }
    return prefix + suffix;
  }
}
