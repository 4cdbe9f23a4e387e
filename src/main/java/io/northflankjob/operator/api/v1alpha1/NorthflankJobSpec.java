package io.northflankjob.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import java.util.Map;

/** The writable fields of Northflank's job object, with the create-job fields the GET page lacks. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "tags", "description", "jobType", "vcsData", "buildConfiguration",
    "buildEngineConfiguration", "disabledCI", "disabledCD", "deployment", "billing", "suspended",
    "settings", "runtimeEnvironment"})
@ValidationRule(
    value = "self.jobType != 'cron' || (has(self.settings.cron) && has(self.settings.cron.schedule))",
    message = "settings.cron.schedule is required when jobType is cron",
    fieldPath = ".settings",
    reason = "FieldValueRequired")
public class NorthflankJobSpec {

  /** Northflank's two kinds of job. */
  public enum JobType {
    @JsonProperty("manual") MANUAL,
    @JsonProperty("cron") CRON
  }

  @Required
  @Size(min = 1, max = 200)
  @JsonPropertyDescription("Job name")
  public String name;

  @Default("[]")
  @Size(max = 50)
  @JsonPropertyDescription("An array of previously defined tags to help identify and group the resource.")
  public List<@Size(min = 1, max = 100) @Pattern("^[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*$") String> tags;

  @Size(max = 2000)
  @JsonPropertyDescription("A short description of the job")
  public String description;

  @Required
  @JsonPropertyDescription("Type of the job (manual or cron)")
  public JobType jobType;

  @JsonPropertyDescription("Details of the repository the job is built from.")
  public VcsData vcsData;

  @JsonPropertyDescription("How commits of the repository are built.")
  public BuildConfiguration buildConfiguration;

  @JsonPropertyDescription("The build engine and its settings.")
  public BuildEngineConfiguration buildEngineConfiguration;

  @JsonProperty("disabledCI")
  @Default("false")
  @JsonPropertyDescription("Whether Continuous Integration is disabled")
  public Boolean disabledCI;

  @JsonProperty("disabledCD")
  @Default("false")
  @JsonPropertyDescription("Whether Continuous Deployment is disabled")
  public Boolean disabledCD;

  @JsonPropertyDescription("Where and how the job is deployed: region, runtime overrides, storage and image.")
  public Deployment deployment;

  @Required
  @JsonPropertyDescription("Billing settings of the job.")
  public Billing billing;

  @Default("false")
  @JsonPropertyDescription("Cron specific. Whether or not the job's automatic scheduling is suspended")
  public Boolean suspended;

  @Required
  @JsonPropertyDescription("Job settings")
  public Settings settings;

  @Size(max = RuntimeEnvironmentRules.MAX_VARIABLES)
  @ValidationRule(value = RuntimeEnvironmentRules.NAMES_RULE, message = RuntimeEnvironmentRules.NAMES_MESSAGE)
  @JsonPropertyDescription("Environment variables set in the job's container, as name and value.")
  public Map<String, String> runtimeEnvironment;
}
