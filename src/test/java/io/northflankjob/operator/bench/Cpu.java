package io.northflankjob.operator.bench;

import java.time.Duration;

/**
 * CPU time a process has used. On a machine others share, elapsed times vary with their load; the
 * CPU each process spent per job does not, and tells where the time goes.
 */
final class Cpu {

  private Cpu() {}

  static Duration of(Process process) {
    return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
  }

  /** Milliseconds per job between two readings. */
  static double millisPerJob(Duration before, Duration after, int n) {
    return Math.round(after.minus(before).toNanos() / 1e6 / n * 100) / 100.0;
  }
}
