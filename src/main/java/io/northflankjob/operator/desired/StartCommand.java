package io.northflankjob.operator.desired;

import io.northflankjob.operator.api.v1alpha1.BuildpackOverride;
import io.northflankjob.operator.api.v1alpha1.DockerOverride;
import java.util.List;

/**
 * The container's {@code command} (replaces the image's ENTRYPOINT) and {@code args} (replace its
 * CMD); an empty list keeps the image's own.
 *
 * <p>Precedence: {@code deployment.docker}, when present, decides alone, even with configType
 * {@code default}; {@code deployment.buildpack} is read only when there is no docker override. A
 * run's docker override replaces the job's.
 *
 * <p>Buildpack configurations follow how Cloud Native Buildpacks images start: every process type
 * is an executable of that name on the image's PATH, and {@code launcher} runs any command in the
 * buildpack-provided environment.
 * <ul>
 *   <li>{@code customProcess}: command = [process type], e.g. {@code worker};
 *   <li>{@code customCommand}: command = [launcher], args = the custom command;
 *   <li>{@code customEntrypointCustomCommand}: command = the entrypoint, args = the command;
 *   <li>{@code originalEntrypointCustomCommand}: args = the command, given to the image's
 *       entrypoint (its default process).
 * </ul>
 */
record StartCommand(List<String> command, List<String> args) {

  static final StartCommand IMAGE_DEFAULT = new StartCommand(List.of(), List.of());
  static final String BUILDPACK_LAUNCHER = "launcher";

  StartCommand {
    command = List.copyOf(command);
    args = List.copyOf(args);
  }

  /**
   * @param dockerField where {@code docker} comes from, for messages (e.g. {@code spec.deployment.docker})
   * @param buildpackField where {@code buildpack} comes from
   * @throws IllegalArgumentException if a part the configType needs is blank or not shell syntax
   */
  static StartCommand of(
      DockerOverride docker, String dockerField, BuildpackOverride buildpack, String buildpackField) {
    if (docker != null) {
      return fromDocker(docker, dockerField);
    }
    if (buildpack != null) {
      return fromBuildpack(buildpack, buildpackField);
    }
    return IMAGE_DEFAULT;
  }

  private static StartCommand fromDocker(DockerOverride docker, String field) {
    if (docker.configType == null) {
      throw new IllegalArgumentException(field + ".configType is required");
    }
    return switch (docker.configType) {
      case DEFAULT -> IMAGE_DEFAULT;
      case CUSTOM_ENTRYPOINT ->
          new StartCommand(words(docker.customEntrypoint, field + ".customEntrypoint"), List.of());
      case CUSTOM_COMMAND ->
          new StartCommand(List.of(), words(docker.customCommand, field + ".customCommand"));
      case CUSTOM_ENTRYPOINT_CUSTOM_COMMAND -> new StartCommand(
          words(docker.customEntrypoint, field + ".customEntrypoint"),
          words(docker.customCommand, field + ".customCommand"));
    };
  }

  private static StartCommand fromBuildpack(BuildpackOverride buildpack, String field) {
    if (buildpack.configType == null) {
      throw new IllegalArgumentException(field + ".configType is required");
    }
    return switch (buildpack.configType) {
      case DEFAULT -> IMAGE_DEFAULT;
      case CUSTOM_PROCESS -> new StartCommand(
          List.of(required(buildpack.customProcess, field + ".customProcess").strip()), List.of());
      case CUSTOM_COMMAND -> new StartCommand(
          List.of(BUILDPACK_LAUNCHER), words(buildpack.customCommand, field + ".customCommand"));
      case CUSTOM_ENTRYPOINT_CUSTOM_COMMAND -> new StartCommand(
          words(buildpack.customEntrypoint, field + ".customEntrypoint"),
          words(buildpack.customCommand, field + ".customCommand"));
      case ORIGINAL_ENTRYPOINT_CUSTOM_COMMAND ->
          new StartCommand(List.of(), words(buildpack.customCommand, field + ".customCommand"));
    };
  }

  /** The shell words of a part the configType needs; never empty, which would keep the image's. */
  private static List<String> words(String line, String field) {
    List<String> words;
    try {
      words = ShellWords.split(line == null ? "" : line);
    } catch (ShellWords.SyntaxException e) {
      throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
    }
    if (words.isEmpty()) {
      throw blank(field);
    }
    return words;
  }

  private static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw blank(field);
    }
    return value;
  }

  private static IllegalArgumentException blank(String field) {
    return new IllegalArgumentException(field + " is required by its configType and must not be blank");
  }
}
