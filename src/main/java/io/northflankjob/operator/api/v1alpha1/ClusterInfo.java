package io.northflankjob.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** The cluster a job runs on, as the operator's settings describe it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ClusterInfo {
  @JsonPropertyDescription("The id of the cluster associated with this project.")
  public String id;

  @JsonPropertyDescription("The name of the cluster associated with this project.")
  public String name;

  @JsonPropertyDescription("Namespace this resource is located within on the cluster.")
  public String namespace;

  @JsonPropertyDescription("Load balancer DNS for the cluster.")
  public List<String> loadBalancers;
}
