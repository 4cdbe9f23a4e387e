package io.northflankjob.operator.view;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRun;

/**
 * A NorthflankJobRun as Northflank's {@code POST /v1/projects/{projectId}/jobs/{jobId}/runs}
 * answers a started run: {@code {"data": {"id": ..., "runName": ...}}}. The id is the object's
 * uid, as in the run's status; the run's name is the name of the Job that carries it.
 */
public record RunStartResponse(Data data) {

  @JsonPropertyOrder({"id", "runName"})
  public record Data(String id, String runName) {}

  public static RunStartResponse of(NorthflankJobRun run) {
    return new RunStartResponse(new Data(run.getMetadata().getUid(), run.getMetadata().getName()));
  }
}
