package io.northflankjob.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** The build engine a job's image is built with. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BuildEngineConfiguration {

  /** Northflank's build engines. */
  public enum BuildEngine {
    @JsonProperty("buildpack") BUILDPACK,
    @JsonProperty("kaniko") KANIKO,
    @JsonProperty("buildkit") BUILDKIT
  }

  /** The Buildpack stacks Northflank offers. */
  public enum Builder {
    HEROKU_22, HEROKU_22_CLASSIC, HEROKU_20, HEROKU_18, GOOGLE_V1, CNB_ALPINE, CNB_BIONIC,
    PAKETO_TINY, PAKETO_BASE, PAKETO_FULL
  }

  @JsonPropertyDescription("The build engine used.")
  public BuildEngine buildEngine;

  @JsonPropertyDescription("Details about Buildpack settings.")
  public Buildpack buildpack;

  @JsonPropertyDescription("Details about Buildkit settings.")
  public Buildkit buildkit;

  @JsonPropertyDescription("Details about Kaniko settings.")
  public Kaniko kaniko;

  /** Buildpack settings. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class Buildpack {
    @JsonPropertyDescription("The Buildpack stack used.")
    public Builder builder;

    @JsonPropertyDescription("Array of custom Buildpacks used. Each is the URL or registry identifier of a custom Buildpack.")
    public List<String> buildpackLocators;

    @JsonPropertyDescription("Should build dependencies be cached?")
    public Boolean useCache;
  }

  /** Buildkit settings. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class Buildkit {
    @JsonPropertyDescription("Should intermediate image layers be cached?")
    public Boolean useCache;

    @JsonPropertyDescription("Should use persistent storage to store all layers?")
    public Boolean useInternalCache;

    // The page types this as a boolean although its text speaks of a size; it is mirrored as is.
    @JsonPropertyDescription("Storage size to use for internal cache")
    public Boolean internalCacheStorage;
  }

  /** Kaniko settings. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class Kaniko {
    @JsonPropertyDescription("Should intermediate image layers be cached?")
    public Boolean useCache;
  }
}
