package io.northflankjob.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The latest run of a job, whether the schedule or a NorthflankJobRun started it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RunSummary {
  @JsonPropertyDescription("Name of the Kubernetes Job that carries the run.")
  public String runName;

  @JsonPropertyDescription("RUNNING, SUCCESS or FAILED.")
  public RunStatus status;

  @JsonPropertyDescription("When the run started (ISO-8601, UTC).")
  public String startedAt;

  @JsonPropertyDescription("When the run concluded (ISO-8601, UTC); absent while it runs.")
  public String concludedAt;

  @JsonPropertyDescription("Why the run failed, as Kubernetes reports it (e.g. BackoffLimitExceeded, DeadlineExceeded).")
  public String reason;
}
