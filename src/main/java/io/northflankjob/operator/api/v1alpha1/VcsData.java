package io.northflankjob.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** The repository a job is built from. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VcsData {

  /** The version control providers Northflank builds from. */
  public enum ProjectType {
    @JsonProperty("bitbucket") BITBUCKET,
    @JsonProperty("gitlab") GITLAB,
    @JsonProperty("github") GITHUB,
    @JsonProperty("self-hosted") SELF_HOSTED,
    @JsonProperty("azure") AZURE
  }

  @Required
  @JsonPropertyDescription("URL of the repository being built")
  public String projectUrl;

  @Required
  @JsonPropertyDescription("VCS provider for the repo being built")
  public ProjectType projectType;

  @JsonPropertyDescription("ID of the self-hosted VCS, if applicable.")
  public String selfHostedVcsId;

  @JsonPropertyDescription("Branch of the repo being built")
  public String projectBranch;

  @JsonPropertyDescription("Whether the repo is being accessed without authentication.")
  public Boolean publicRepo;

  @Required
  @JsonPropertyDescription("Working directory used by the dockerfile")
  public String dockerWorkDir;

  @Required
  @JsonPropertyDescription("File path of the Dockerfile")
  public String dockerFilePath;
}
