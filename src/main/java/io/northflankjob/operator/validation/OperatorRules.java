package io.northflankjob.operator.validation;

import io.northflankjob.operator.api.v1alpha1.BuildpackOverride;
import io.northflankjob.operator.api.v1alpha1.DockerOverride;
import io.northflankjob.operator.api.v1alpha1.External;
import io.northflankjob.operator.desired.ShellWords;
import io.northflankjob.operator.plan.Plans;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks jobs and runs share that a CRD schema cannot state. Each looks at one field and
 * passes a null value: where a value is required, the schema says so.
 */
final class OperatorRules {

  private static final Pattern WHITESPACE = Pattern.compile("\\s");

  private OperatorRules() {}

  static Optional<Problem> plan(String field, String plan) {
    if (plan == null || Plans.find(plan).isPresent()) {
      return Optional.empty();
    }
    String known = "use one of " + String.join(", ", Plans.names());
    if (plan.startsWith("nf-gpu-")) {
      return Optional.of(new Problem(field, Messages.quote(plan)
          + " is a GPU plan; GPU plans are not supported; " + known));
    }
    return Optional.of(new Problem(field, Messages.quote(plan) + " is not a plan; " + known));
  }

  /** The image a run would use: {@code missing} says why none is there and what to do. */
  static Optional<Problem> image(String field, External external, String missing) {
    String image = external == null ? null : external.imagePath;
    if (image == null || image.isBlank()) {
      return Optional.of(new Problem(field, missing));
    }
    if (WHITESPACE.matcher(image).find()) {
      return Optional.of(new Problem(field, Messages.quote(image) + " must not contain whitespace"));
    }
    return Optional.empty();
  }

  static Optional<Problem> nameLength(String field, String name, int max, String why) {
    if (name == null || name.length() <= max) {
      return Optional.empty();
    }
    return Optional.of(new Problem(field, "must be at most " + max + " characters, not "
        + name.length() + ": " + why));
  }

  static List<Problem> docker(String field, DockerOverride docker) {
    List<Problem> problems = new ArrayList<>();
    if (docker == null) {
      return problems;
    }
    Set<DockerOverride.ConfigType> entrypoint = EnumSet.of(
        DockerOverride.ConfigType.CUSTOM_ENTRYPOINT,
        DockerOverride.ConfigType.CUSTOM_ENTRYPOINT_CUSTOM_COMMAND);
    Set<DockerOverride.ConfigType> command = EnumSet.of(
        DockerOverride.ConfigType.CUSTOM_COMMAND,
        DockerOverride.ConfigType.CUSTOM_ENTRYPOINT_CUSTOM_COMMAND);
    command(field + ".customEntrypoint", docker.customEntrypoint,
        entrypoint.contains(docker.configType), problems);
    command(field + ".customCommand", docker.customCommand,
        command.contains(docker.configType), problems);
    return problems;
  }

  static List<Problem> buildpack(String field, BuildpackOverride buildpack) {
    List<Problem> problems = new ArrayList<>();
    if (buildpack == null) {
      return problems;
    }
    BuildpackOverride.ConfigType type = buildpack.configType;
    if (type == BuildpackOverride.ConfigType.CUSTOM_PROCESS && buildpack.customProcess != null
        && buildpack.customProcess.isBlank()) {
      problems.add(blank(field + ".customProcess"));
    }
    command(field + ".customEntrypoint", buildpack.customEntrypoint,
        type == BuildpackOverride.ConfigType.CUSTOM_ENTRYPOINT_CUSTOM_COMMAND, problems);
    command(field + ".customCommand", buildpack.customCommand,
        EnumSet.of(
                BuildpackOverride.ConfigType.CUSTOM_COMMAND,
                BuildpackOverride.ConfigType.CUSTOM_ENTRYPOINT_CUSTOM_COMMAND,
                BuildpackOverride.ConfigType.ORIGINAL_ENTRYPOINT_CUSTOM_COMMAND)
            .contains(type),
        problems);
    return problems;
  }

  /**
   * A command line becomes the container's command or args split as a shell splits words (the
   * same splitter builds the container), so it must split; one its configType runs must not be
   * blank either, which would silently keep the image's own.
   */
  private static void command(String field, String line, boolean used, List<Problem> problems) {
    if (line == null) {
      return;
    }
    try {
      if (ShellWords.split(line).isEmpty() && used) {
        problems.add(blank(field));
      }
    } catch (ShellWords.SyntaxException e) {
      problems.add(new Problem(field,
          Messages.quote(line) + " cannot be split into words as a shell would: " + e.getMessage()));
    }
  }

  private static Problem blank(String field) {
    return new Problem(field, "must not be blank: its configType runs it");
  }
}
