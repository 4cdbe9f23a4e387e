package io.northflankjob.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** One run as Northflank's run object describes it, plus the Kubernetes side. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NorthflankJobRunStatus {
  @JsonPropertyDescription("Run id (the object's uid).")
  public String id;

  @JsonPropertyDescription("Generated name of the run: the name of the Kubernetes Job that carries it.")
  public String runName;

  @JsonPropertyDescription("RUNNING, SUCCESS or FAILED.")
  public RunStatus status;

  @JsonPropertyDescription("Whether the run has finished.")
  public Boolean concluded;

  @JsonPropertyDescription("1 while the run is running, else 0.")
  public Integer active;

  @JsonPropertyDescription("1 when the run succeeded, else 0.")
  public Integer succeeded;

  @JsonPropertyDescription("1 when the run failed, else 0.")
  public Integer failed;

  @JsonPropertyDescription("The number of retries the run was started with.")
  public Integer backoffLimit;

  @JsonPropertyDescription("The number of completions the run was started with.")
  public Integer completions;

  @JsonPropertyDescription("When the run started (ISO-8601, UTC).")
  public String startedAt;

  @JsonPropertyDescription("When the run concluded (ISO-8601, UTC).")
  public String concludedAt;

  @JsonPropertyDescription("Why the run failed or could not start.")
  public String reason;

  @JsonPropertyDescription("The generation of the spec this status describes.")
  public Long observedGeneration;

  @JsonPropertyDescription("Standard conditions; Ready is False when the run could not be started.")
  public List<Condition> conditions = new ArrayList<>();
}
