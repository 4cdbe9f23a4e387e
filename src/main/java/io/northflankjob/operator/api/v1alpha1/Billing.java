package io.northflankjob.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** The compute plan a job runs on. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Billing {
  @Required
  @JsonPropertyDescription("ID of the billing plan used by this job")
  public String deploymentPlan;
}
