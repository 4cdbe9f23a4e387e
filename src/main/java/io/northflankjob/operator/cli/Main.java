package io.northflankjob.operator.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.northflankjob.operator.ops.CommonPool;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.ScopeType;

/** The jar's entry point: the operator and its command-line tools, one subcommand each. */
@Command(
    name = "northflank-job-operator",
    description = "Runs Northflank-style jobs on Kubernetes as CronJobs and Jobs.",
    // -h and -V, with the version below, on every subcommand too.
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    subcommands = {RunCommand.class, RenderCommand.class, Main.Get.class, Main.Start.class,
        CommandLine.HelpCommand.class})
public final class Main {

  public static void main(String[] args) {
    CommonPool.sizeForOperator();
    // With no arguments the jar runs the operator, as its container image does.
    String[] command = args.length == 0 ? new String[] {"run"} : args;
    System.exit(commandLine().execute(command));
  }

  /** The command line with every subcommand, ready to execute. */
  public static CommandLine commandLine() {
    return commandLine(ClusterOptions::kubeconfigClient);
  }

  /**
   * A setting the process cannot start with (a bad environment variable, a port in use) is the
   * user's to fix: one line that says which, not a stack trace. Anything else is a bug and keeps
   * its stack trace.
   */
  private static int reportBadSetting(Exception e, CommandLine command, CommandLine.ParseResult parsed)
      throws Exception {
    if (!(e instanceof IllegalArgumentException)) {
      throw e;
    }
    command.getErr().println("error: " + e.getMessage());
    return 1;
  }

  /** The command line whose cluster commands ({@code get}, {@code start}) use {@code clients}. */
  static CommandLine commandLine(Supplier<KubernetesClient> clients) {
    IFactory defaults = CommandLine.defaultFactory();
    IFactory factory = new IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        return type == ClusterOptions.class
            ? type.cast(new ClusterOptions(clients))
            : defaults.create(type);
      }
    };
    return new CommandLine(new Main(), factory)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(Main::reportBadSetting);
  }

  /** {@code get <kind>}, as Northflank's CLI reads objects. */
  @Command(name = "get", description = "Prints an object as Northflank's API returns it.",
      subcommands = GetJobCommand.class)
  static final class Get {}

  /** {@code start <what>}, as Northflank's CLI starts runs. */
  @Command(name = "start", description = "Starts a run of a job.",
      subcommands = StartRunCommand.class)
  static final class Start {}

  /** The version the jar's manifest carries. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"northflank-job-operator " + (version == null ? "(development build)" : version)};
    }
  }
}
