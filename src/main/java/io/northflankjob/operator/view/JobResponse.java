package io.northflankjob.operator.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;

/**
 * A NorthflankJob as Northflank's {@code GET /v1/projects/{projectId}/jobs/{jobId}} returns a
 * job: {@code {"data": {...}}}. Serialize it with any Jackson mapper (JSON or YAML).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobResponse(JobData data) {

  public static JobResponse of(NorthflankJob job) {
    return new JobResponse(JobData.of(job));
  }
}
