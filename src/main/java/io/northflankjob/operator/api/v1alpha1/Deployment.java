package io.northflankjob.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import java.math.BigDecimal;

/** Where and how a job runs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Deployment {

  @JsonPropertyDescription("Region where this job is deployed and built")
  public String region;

  @JsonPropertyDescription("Details about the Buildpack overrides for this deployment.")
  public BuildpackOverride buildpack;

  @JsonPropertyDescription("Details about the Docker overrides for this deployment.")
  public DockerOverride docker;

  @JsonPropertyDescription("Details about storage settings for this deployment.")
  public Storage storage;

  @JsonPropertyDescription("The external image the job runs, and the credentials to pull it.")
  public External external;

  /** Storage of the job's container. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class Storage {
    @JsonPropertyDescription("Details about ephemeral storage settings for this deployment.")
    public EphemeralStorage ephemeralStorage;
  }

  /** Ephemeral storage of the job's container. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class EphemeralStorage {
    @Required
    @Min(1)
    @JsonPropertyDescription("Ephemeral storage per container in MB")
    public BigDecimal storageSize;
  }
}
