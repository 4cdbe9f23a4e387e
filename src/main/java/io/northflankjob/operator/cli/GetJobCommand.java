package io.northflankjob.operator.cli;

import io.northflankjob.operator.view.JobResponse;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code get job}: a NorthflankJob as Northflank's "Get job" call returns a job. */
@Command(
    name = "job",
    sortOptions = false,
    description = {
        "Prints a NorthflankJob as Northflank's \"Get job\" call returns a job.",
        "Reads the NorthflankJob NAME from the cluster of the current kubeconfig and prints it"
            + " as GET /v1/projects/{projectId}/jobs/{jobId} answers: {\"data\": {...}}, with"
            + " the fields of Northflank's API page in the page's order."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:the job was printed",
        "1:the job does not exist, or the cluster could not be reached: see stderr"})
final class GetJobCommand implements Callable<Integer> {

  static final int NOT_FOUND = 1;

  @Parameters(paramLabel = "NAME", description = "Name of the NorthflankJob.")
  private String name;

  @Mixin
  private ClusterOptions clusterOptions;

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "json",
      description = "json (default) or yaml.")
  private OutputFormat output;

  @Spec
  private CommandSpec command;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    return clusterOptions.call(err, cluster -> cluster.job(name)
        .map(job -> {
          out.print(output.write(JobResponse.of(job)));
          out.flush();
          return 0;
        })
        .orElseGet(() -> {
          err.println("error: " + cluster.describe("NorthflankJob", name) + " not found");
          return NOT_FOUND;
        }));
  }
}
