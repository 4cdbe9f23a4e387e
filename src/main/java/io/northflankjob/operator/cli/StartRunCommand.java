package io.northflankjob.operator.cli;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.northflankjob.operator.api.v1alpha1.Billing;
import io.northflankjob.operator.api.v1alpha1.External;
import io.northflankjob.operator.api.v1alpha1.NorthflankJob;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRun;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRunSpec;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRunSpec.RunDeployment;
import io.northflankjob.operator.api.v1alpha1.NorthflankJobRunStatus;
import io.northflankjob.operator.api.v1alpha1.RunStatus;
import io.northflankjob.operator.status.Conditions;
import io.northflankjob.operator.status.Reasons;
import io.northflankjob.operator.validation.Problem;
import io.northflankjob.operator.validation.RunValidator;
import io.northflankjob.operator.view.RunStartResponse;
import java.io.PrintWriter;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code start run}: Northflank's start-run call, as a NorthflankJobRun. */
@Command(
    name = "run",
    sortOptions = false,
    description = {
        "Starts a run of a NorthflankJob, as Northflank's start-run call does.",
        "Creates a NorthflankJobRun of the NorthflankJob JOB, with the overrides"
            + " given, and prints {\"data\": {\"id\": ..., \"runName\": ...}} as Northflank's"
            + " start-run call answers. The operator then runs it as a Job of the same name.",
        "The overrides are checked first, as the API server and the operator would check them;"
            + " each problem is printed to stderr and nothing is created."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:the run was created; with --wait, it concluded with SUCCESS",
        "1:the job does not exist, the cluster could not be reached, or, with --wait, the run"
            + " concluded with FAILED or cannot start: see stderr",
        "2:invalid options or overrides: see stderr",
        "3:with --wait, the run had not concluded when --timeout passed; it goes on"})
final class StartRunCommand implements Callable<Integer> {

  static final int FAILED = 1;
  static final int INVALID = 2;
  static final int TIMED_OUT = 3;

  /** The option that sets each field a problem can be about. */
  private static final Map<String, String> OPTIONS = Map.of(
      "metadata.name", "--name",
      "spec.runtimeEnvironment", "--env",
      "spec.billing.deploymentPlan", "--plan",
      "spec.deployment.external.imagePath", "--image");

  @Parameters(paramLabel = "JOB", description = "Name of the NorthflankJob to run.")
  private String jobName;

  @Mixin
  private ClusterOptions clusterOptions;

  @Option(names = "--name", paramLabel = "NAME",
      description = "Name of the run, and of its Job. Default: JOB-<5 random characters>.")
  private String runName;

  @Option(names = {"-e", "--env"}, paramLabel = "KEY=VALUE",
      description = "An environment variable for this run, over the job's runtimeEnvironment."
          + " Repeatable.")
  private Map<String, String> env = new LinkedHashMap<>();

  @Option(names = "--plan", paramLabel = "PLAN",
      description = "The plan (billing.deploymentPlan) of this run, e.g. nf-compute-20.")
  private String plan;

  @Option(names = "--image", paramLabel = "IMAGE",
      description = "The image of this run instead of the job's.")
  private String image;

  @Option(names = "--wait",
      description = "Follows the run until it concludes: exit status 0 on SUCCESS, 1 on FAILED"
          + " (the reason on stderr).")
  private boolean wait;

  @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "With --wait: how long to follow the run, e.g. 90s, 10m or 1h30m; then exit"
          + " status 3, and the run goes on. Default: no limit (a run that started ends within"
          + " its job's settings.activeDeadlineSeconds).")
  private Duration timeout;

  @Spec
  private CommandSpec command;

  private final RandomGenerator random = RandomGenerator.getDefault();

  @Override
  public Integer call() throws InterruptedException {
    if (timeout != null && !wait) {
      throw new ParameterException(command.commandLine(), "--timeout is for --wait");
    }
    PrintWriter out = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    return clusterOptions.call(err, cluster -> {
      Optional<NorthflankJob> job = cluster.job(jobName);
      if (job.isEmpty()) {
        err.println("error: " + cluster.describe("NorthflankJob", jobName) + " not found");
        return FAILED;
      }
      NorthflankJobRun run = run(cluster.namespace());
      List<Problem> problems = RunValidator.validate(run, job.get());
      if (!problems.isEmpty()) {
        problems.forEach(problem -> err.println("error: " + describe(problem)));
        return INVALID;
      }
      NorthflankJobRun created;
      try {
        created = cluster.client().resource(run).create();
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
          throw e;
        }
        err.println("error: " + cluster.describe("NorthflankJobRun", run.getMetadata().getName())
            + " already exists");
        return FAILED;
      }
      out.print(OutputFormat.JSON.write(RunStartResponse.of(created)));
      out.flush();
      return wait ? follow(cluster, created, err) : 0;
    });
  }

  /** The run the options ask for. */
  private NorthflankJobRun run(String namespace) {
    NorthflankJobRun run = new NorthflankJobRun();
    run.setMetadata(new ObjectMetaBuilder()
        .withName(runName != null ? runName : RunNames.generate(jobName, random))
        .withNamespace(namespace)
        .build());
    NorthflankJobRunSpec spec = new NorthflankJobRunSpec();
    spec.jobName = jobName;
    if (!env.isEmpty()) {
      spec.runtimeEnvironment = new LinkedHashMap<>(env);
    }
    if (plan != null) {
      spec.billing = new Billing();
      spec.billing.deploymentPlan = plan;
    }
    if (image != null) {
      spec.deployment = new RunDeployment();
      spec.deployment.external = new External();
      spec.deployment.external.imagePath = image;
    }
    run.setSpec(spec);
    return run;
  }

  /** {@code --plan (spec.billing.deploymentPlan): message}: the option first, where one sets the field. */
  private static String describe(Problem problem) {
    return OPTIONS.entrySet().stream()
        .filter(option -> problem.field().equals(option.getKey())
            || problem.field().startsWith(option.getKey() + ".")
            || problem.field().startsWith(option.getKey() + "["))
        .findFirst()
        .map(option -> option.getValue() + " (" + problem.field() + "): " + problem.message())
        .orElse(problem.toString());
  }

  /** Watches the run until it concludes, or cannot start, or the timeout passes. */
  private int follow(ClusterOptions.Cluster cluster, NorthflankJobRun run, PrintWriter err) {
    String name = run.getMetadata().getName();
    NorthflankJobRun last;
    try {
      last = cluster.client().resources(NorthflankJobRun.class)
          .inNamespace(cluster.namespace())
          .withName(name)
          .waitUntilCondition(seen -> outcome(seen, name).isPresent(),
              timeout == null ? Long.MAX_VALUE : timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (KubernetesClientTimeoutException e) {
      err.println("error: run " + name + " had not concluded after " + format(timeout)
          + "; it goes on");
      return TIMED_OUT;
    }
    Outcome outcome = outcome(last, name).orElseThrow();
    err.println(outcome.message());
    return outcome.exitStatus();
  }

  /** How a followed run ended, and the line that says so. */
  record Outcome(int exitStatus, String message) {}

  /** The outcome of {@code run} as last seen ({@code null}: deleted); empty while it may run. */
  static Optional<Outcome> outcome(NorthflankJobRun run, String name) {
    if (run == null) {
      return Optional.of(new Outcome(FAILED, "Run " + name + " was deleted before it concluded"));
    }
    NorthflankJobRunStatus status = run.getStatus();
    if (status == null) {
      return Optional.empty();
    }
    if (status.status == RunStatus.SUCCESS) {
      return Optional.of(new Outcome(0, "Run " + name + " succeeded"));
    }
    if (status.status == RunStatus.FAILED) {
      return Optional.of(new Outcome(FAILED,
          "Run " + name + " failed" + (status.reason == null ? "" : ": " + status.reason)));
    }
    // A run the operator found invalid stays unstarted until its job changes: no use waiting.
    Optional<Condition> invalid = Conditions.find(status.conditions, Conditions.READY)
        .filter(ready -> status.runName == null && Reasons.INVALID_SPEC.equals(ready.getReason()));
    return invalid.map(ready -> new Outcome(FAILED,
        "Run " + name + " cannot start: " + ready.getMessage()));
  }

  private static String format(Duration duration) {
    return duration.toString().substring(2).toLowerCase(Locale.ROOT);
  }

  /** Durations as kubectl takes them: {@code 90s}, {@code 10m}, {@code 1h30m}. */
  static final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern FORMAT = Pattern.compile("(?:(\\d{1,6})h)?(?:(\\d{1,6})m)?(?:(\\d{1,9})s)?");

    @Override
    public Duration convert(String value) {
      Matcher matcher = FORMAT.matcher(value.strip());
      if (value.isBlank() || !matcher.matches()) {
        throw new TypeConversionException(
            "'" + value + "' is not a duration: use e.g. 90s, 10m or 1h30m");
      }
      Duration duration = Duration.ofHours(number(matcher.group(1)))
          .plusMinutes(number(matcher.group(2)))
          .plusSeconds(number(matcher.group(3)));
      if (duration.isZero()) {
        throw new TypeConversionException("'" + value + "': the timeout must be longer than 0");
      }
      return duration;
    }

    private static long number(String digits) {
      return digits == null ? 0 : Long.parseLong(digits);
    }
  }
}
