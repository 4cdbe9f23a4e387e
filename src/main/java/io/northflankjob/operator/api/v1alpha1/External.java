package io.northflankjob.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** An image from a registry, run as it is. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class External {

  @Required
  @Size(min = 1, max = 1024)
  @JsonPropertyDescription("Image to be deployed, e.g. `nginx:latest` or `registry.example.com/team/app:1.2.3`.")
  public String imagePath;

  @Pattern("^[A-Za-z0-9-]+$")
  @JsonPropertyDescription("ID of the saved registry credentials used to pull the image: the name of a Secret of type kubernetes.io/dockerconfigjson in the job's namespace.")
  public String credentials;
}
