package io.northflankjob.operator.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command run to its end with a time limit: kubectl, helm, hack/cluster.sh, the operator's CLI.
 * A command that outlives its limit is killed with its child processes, so a test never hangs
 * on one.
 */
final class ExternalCommand {

  /** What a finished command printed and how it exited. */
  record Result(List<String> command, int exitCode, String stdout, String stderr) {

    /** This result, or an error that shows the command and all it printed. */
    Result orFail() {
      if (exitCode != 0) {
        throw new AssertionError(describe());
      }
      return this;
    }

    String describe() {
      return String.join(" ", command) + " exited with " + exitCode
          + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
    }
  }

  private ExternalCommand() {}

  static Result run(Path workDir, Map<String, String> env, Duration timeout, List<String> command) {
    String shown = String.join(" ", command);
    try {
      // Files rather than pipes: nothing has to drain them, and a child that keeps running in
      // the background (as cluster processes do) cannot hold them open.
      Path stdout = Files.createTempFile("e2e-command", ".out");
      Path stderr = Files.createTempFile("e2e-command", ".err");
      try {
        ProcessBuilder builder = new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          kill(process);
          throw new AssertionError(shown + " did not finish within " + timeout
              + "\n--- stdout\n" + Files.readString(stdout) + "\n--- stderr\n" + Files.readString(stderr));
        }
        return new Result(List.copyOf(command), process.exitValue(),
            Files.readString(stdout), Files.readString(stderr));
      } finally {
        Files.deleteIfExists(stdout);
        Files.deleteIfExists(stderr);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + shown, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + shown, e);
    }
  }

  /** Kills a process this test run started, and whatever it started. */
  static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }
}
