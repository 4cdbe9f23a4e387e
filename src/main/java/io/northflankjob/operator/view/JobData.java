package io.northflankjob.operator.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.northflankjob.operator.api.v1alpha1.Billing;
import io.northflankjob.operator.api.v1alpha1.BuildConfiguration;
import io.northflankjob.operator.api.v1alpha1.BuildEngineConfiguration;
import io.northflankjob.operator.api.v1alpha1.ClusterInfo;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobSpec;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobSpec.JobType;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobStatus;
import io.northflankjob.operator.api.v1alpha1.Settings;
import io.northflankjob.operator.api.v1alpha1.VcsData;
import io.northflankjob.operator.status.IsoTime;
import java.util.List;

/**
 * The {@code data} of Northflank's "Get job" response, field for field and in the page's order.
 *
 * <p>Writable fields come from the spec, the rest ({@code id}, {@code appId}, {@code projectId},
 * {@code createdAt}, {@code cluster}) from the status the operator writes. Before the operator
 * has written a status, {@code id}, {@code projectId} and {@code createdAt} are taken from the
 * object's metadata and {@code appId} and {@code cluster} are left out.
 *
 * <p>The create-only fields {@code deployment.external} and {@code runtimeEnvironment} are not
 * part of the response: the page lists every field of {@code data} and {@code deployment}, and
 * those two are not among them. They stay readable in the object's spec.
 *
 * <p>Fields the page requires and the CRD defaults ({@code tags}, {@code disabledCI},
 * {@code disabledCD}, {@code settings.activeDeadlineSeconds}) are shown as stored; the API server
 * has filled them in.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "appId", "name", "tags", "description", "projectId", "jobType",
    "createdAt", "vcsData", "buildConfiguration", "buildEngineConfiguration", "disabledCI",
    "disabledCD", "deployment", "billing", "suspended", "settings", "cluster"})
public record JobData(
    String id,
    String appId,
    String name,
    List<String> tags,
    String description,
    String projectId,
    JobType jobType,
    String createdAt,
    VcsData vcsData,
    BuildConfiguration buildConfiguration,
    BuildEngineConfiguration buildEngineConfiguration,
    @JsonProperty("disabledCI") Boolean disabledCI,
    @JsonProperty("disabledCD") Boolean disabledCD,
    DeploymentData deployment,
    Billing billing,
    Boolean suspended,
    Settings settings,
    ClusterInfo cluster) {

  public static JobData of(NorthflankJob job) {
    ObjectMeta meta = job.getMetadata();
    NorthflankJobSpec spec = job.getSpec();
    NorthflankJobStatus status =
        job.getStatus() == null ? new NorthflankJobStatus() : job.getStatus();
    return new JobData(
        status.id != null ? status.id : meta.getName(),
        status.appId,
        spec.name,
        spec.tags,
        spec.description,
        status.projectId != null ? status.projectId : meta.getNamespace(),
        spec.jobType,
        status.createdAt != null
            ? status.createdAt
            : IsoTime.fromKubernetes(meta.getCreationTimestamp()),
        spec.vcsData,
        spec.buildConfiguration,
        spec.buildEngineConfiguration,
        spec.disabledCI,
        spec.disabledCD,
        DeploymentData.of(spec.deployment),
        spec.billing,
        spec.suspended,
        spec.settings,
        status.cluster);
  }
}
