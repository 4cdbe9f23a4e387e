package io.northflankjob.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Map;

/** A request to run a job once, with optional overrides for this run only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self == oldSelf", message = "a run cannot be changed once started; create a new NorthflankJobRun")
public class NorthflankJobRunSpec {

  @Required
  @Size(min = 1, max = 253)
  @JsonPropertyDescription("Name of the NorthflankJob (in the same namespace) to run.")
  public String jobName;

  @Size(max = RuntimeEnvironmentRules.MAX_VARIABLES)
  @ValidationRule(value = RuntimeEnvironmentRules.NAMES_RULE, message = RuntimeEnvironmentRules.NAMES_MESSAGE)
  @JsonPropertyDescription("Environment variables for this run; they are merged over the job's runtimeEnvironment.")
  public Map<String, String> runtimeEnvironment;

  @JsonPropertyDescription("Plan for this run instead of the job's.")
  public Billing billing;

  @JsonPropertyDescription("Image and command overrides for this run.")
  public RunDeployment deployment;

  /** The parts of a job's deployment a run may override. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class RunDeployment {
    @JsonPropertyDescription("The external image this run uses instead of the job's.")
    public External external;

    @JsonPropertyDescription("The Docker entrypoint and CMD overrides for this run.")
    public DockerOverride docker;
  }
}
