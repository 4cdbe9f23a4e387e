package io.northflankjob.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** How the container's entrypoint and CMD are overridden when the image is a Dockerfile build or external. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!(self.configType in ['customEntrypoint', 'customEntrypointCustomCommand']) || has(self.customEntrypoint)",
    message = "customEntrypoint is required when configType is customEntrypoint or customEntrypointCustomCommand",
    fieldPath = ".customEntrypoint",
    reason = "FieldValueRequired")
@ValidationRule(
    value = "!(self.configType in ['customCommand', 'customEntrypointCustomCommand']) || has(self.customCommand)",
    message = "customCommand is required when configType is customCommand or customEntrypointCustomCommand",
    fieldPath = ".customCommand",
    reason = "FieldValueRequired")
public class DockerOverride {

  /** Which parts of the image's start-up are replaced. */
  public enum ConfigType {
    @JsonProperty("default") DEFAULT,
    @JsonProperty("customEntrypoint") CUSTOM_ENTRYPOINT,
    @JsonProperty("customCommand") CUSTOM_COMMAND,
    @JsonProperty("customEntrypointCustomCommand") CUSTOM_ENTRYPOINT_CUSTOM_COMMAND
  }

  @Required
  @JsonPropertyDescription("Override configuration which is used at runtime.")
  public ConfigType configType;

  @JsonPropertyDescription("The CMD to run instead of the default if entrypoint override is enabled.")
  public String customEntrypoint;

  @JsonPropertyDescription("The CMD to run instead of the default if CMD override is enabled.")
  public String customCommand;
}
