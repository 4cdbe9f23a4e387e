package io.northflankjob.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** How a Buildpack image's process is overridden at run time. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "self.configType != 'customProcess' || has(self.customProcess)",
    message = "customProcess is required when configType is customProcess",
    fieldPath = ".customProcess",
    reason = "FieldValueRequired")
@ValidationRule(
    value = "self.configType != 'customEntrypointCustomCommand' || has(self.customEntrypoint)",
    message = "customEntrypoint is required when configType is customEntrypointCustomCommand",
    fieldPath = ".customEntrypoint",
    reason = "FieldValueRequired")
@ValidationRule(
    value = "!(self.configType in ['customCommand', 'customEntrypointCustomCommand', 'originalEntrypointCustomCommand']) || has(self.customCommand)",
    message = "customCommand is required when configType is customCommand, customEntrypointCustomCommand or originalEntrypointCustomCommand",
    fieldPath = ".customCommand",
    reason = "FieldValueRequired")
public class BuildpackOverride {

  /** Which parts of the Buildpack image's start-up are replaced. */
  public enum ConfigType {
    @JsonProperty("default") DEFAULT,
    @JsonProperty("customProcess") CUSTOM_PROCESS,
    @JsonProperty("customCommand") CUSTOM_COMMAND,
    @JsonProperty("customEntrypointCustomCommand") CUSTOM_ENTRYPOINT_CUSTOM_COMMAND,
    @JsonProperty("originalEntrypointCustomCommand") ORIGINAL_ENTRYPOINT_CUSTOM_COMMAND
  }

  @Required
  @JsonPropertyDescription("Type of buildpack run configuration.")
  public ConfigType configType;

  @JsonPropertyDescription("Custom process which should be run.")
  public String customProcess;

  @JsonPropertyDescription("Custom entrypoint which should be run.")
  public String customEntrypoint;

  @JsonPropertyDescription("Custom command which should be run.")
  public String customCommand;
}
