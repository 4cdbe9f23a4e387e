package io.northflankjob.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** What Northflank's GET returns beyond the spec, and what the operator observed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NorthflankJobStatus {
  @JsonPropertyDescription("Identifier for the job")
  public String id;

  @JsonPropertyDescription("Full identifier used for job deployment")
  public String appId;

  @JsonPropertyDescription("ID of the project that the job belongs to")
  public String projectId;

  @JsonPropertyDescription("The time the job was created.")
  public String createdAt;

  @JsonPropertyDescription("Cluster information")
  public ClusterInfo cluster;

  @JsonPropertyDescription("The generation of the spec this status describes.")
  public Long observedGeneration;

  @JsonPropertyDescription("Standard conditions; Ready tells whether the job's Kubernetes objects match its spec.")
  public List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("When the schedule last started a run (ISO-8601, UTC).")
  public String lastScheduleTime;

  @JsonPropertyDescription("Names of the runs that are running now.")
  public List<String> activeRuns = new ArrayList<>();

  @JsonPropertyDescription("The latest run of the job.")
  public RunSummary lastRun;
}
