package io.northflankjob.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** How runs of a job are scheduled, retried and bounded in time. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Settings {

  @JsonPropertyDescription("Cron job specific settings")
  public Cron cron;

  @Required
  @Min(0)
  @JsonPropertyDescription("The number of attempts to rerun a job before it is marked as failed.")
  public Integer backoffLimit;

  @Min(1)
  @Default("600")
  @JsonPropertyDescription("The maximum amount of time, in seconds, for a job to run before it is marked as failed.")
  public Long activeDeadlineSeconds;

  /** When a cron job runs, and what happens when its runs overlap. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class Cron {

    /** What a new scheduled run does while another is still running. */
    public enum ConcurrencyPolicy { Allow, Forbid, Replace }

    @Size(min = 1, max = 100)
    @JsonPropertyDescription("The cron timer scheduling when to run the job.")
    public String schedule;

    @Default("Allow")
    @JsonPropertyDescription("Whether this job should run when another instance of the job is already running.")
    public ConcurrencyPolicy concurrencyPolicy;
  }
}
