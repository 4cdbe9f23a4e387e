package io.northflankjob.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** Which commits are built, and with what. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BuildConfiguration {

  @JsonPropertyDescription("An array of path ignore rules. A commit will only be built if a file has been changed that does not match any of the ignore rules. Path ignore rules follow `.gitignore` syntax.")
  public List<@Size(max = 260) String> pathIgnoreRules;

  @JsonPropertyDescription("If `true`, the functionality of `pathIgnoreRules` will be inverted. A commit will only be built if a file has been changed that matches one or more of the rules in `pathIgnoreRules`.")
  public Boolean isAllowList;

  @JsonPropertyDescription("If `true`, enables commit ignore flags. If a commit message contains one or more of the flags in `ciIgnoreFlags`, that commit will not be built.")
  public Boolean ciIgnoreFlagsEnabled;

  @JsonPropertyDescription("An array of commit ignore flags. If a commit message contains one or more of these flags, that commit will not be built. Defaults to `[\"[skip ci]\", \"[ci skip]\", \"[no ci]\", \"[skip nf]\", \"[nf skip]\", \"[northflank skip]\", \"[skip northflank]\"]`")
  public List<@Size(max = 72) String> ciIgnoreFlags;

  @JsonPropertyDescription("If your Dockerfile contains multiple build stages, you can specify the target stage by entering its name here.")
  public String dockerfileTarget;

  @JsonPropertyDescription("The IDs of the docker credentials to use.")
  public List<@Pattern("^[A-Za-z0-9-]+$") String> dockerCredentials;

  @JsonPropertyDescription("Include .git folder inside the build context")
  public Boolean includeGitFolder;

  @JsonPropertyDescription("Include the entire git history as part of the .git folder. Only relevant if \"includeGitFolder\" is set.")
  public Boolean fullGitClone;

  @JsonPropertyDescription("Storage settings of a build.")
  public BuildStorage storage;

  /** Storage of a build. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class BuildStorage {
    @JsonPropertyDescription("Ephemeral storage of a build.")
    public BuildEphemeralStorage ephemeralStorage;
  }

  /** Ephemeral storage of a build: the page allows 16384, 32768 and 65536 (its enum, cut by its maximum). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class BuildEphemeralStorage {
    @Min(16384)
    @Max(65536)
    @ValidationRule(
        value = "self in [16384, 32768, 65536, 131072, 262144, 524288]",
        message = "storageSize must be one of 16384, 32768, 65536 (MB)")
    @JsonPropertyDescription("Ephemeral storage per build in MB")
    public Long storageSize;
  }
}
