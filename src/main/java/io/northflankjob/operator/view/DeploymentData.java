package io.northflankjob.operator.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.northflankjob.operator.api.v1alpha1.BuildpackOverride;
import io.northflankjob.operator.api.v1alpha1.Deployment;
import io.northflankjob.operator.api.v1alpha1.DockerOverride;

/** {@code deployment} as the "Get job" page lists it: without the create-only {@code external}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"region", "buildpack", "docker", "storage"})
public record DeploymentData(
    String region, BuildpackOverride buildpack, DockerOverride docker, Deployment.Storage storage) {

  /** The view of a spec's deployment; {@code null} when nothing of it is shown. */
  static DeploymentData of(Deployment deployment) {
    if (deployment == null) {
      return null;
    }
    DeploymentData data = new DeploymentData(
        deployment.region, deployment.buildpack, deployment.docker, deployment.storage);
    return data.equals(new DeploymentData(null, null, null, null)) ? null : data;
  }
}
