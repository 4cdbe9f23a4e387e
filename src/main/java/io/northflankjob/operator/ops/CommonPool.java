package io.northflankjob.operator.ops;

import java.util.concurrent.ForkJoinPool;

/**
 * The JVM's common pool, sized for an operator. On a machine or container with two CPUs or fewer
 * the JVM gives it one thread, and every asynchronous completion without an executor of its own
 * (the JDK HTTP client's response bodies among them) then starts a new thread: thousands a minute
 * under load. Two threads at least keep them on pooled threads.
 */
public final class CommonPool {

  static final String PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";
  static final int MINIMUM = 2;

  private CommonPool() {}

  /**
   * Sizes the common pool, unless {@code -D}{@value #PARALLELISM} says otherwise. Call it first
   * thing in {@code main}: the pool reads the setting once, when it is first used.
   *
   * @return the common pool's parallelism from now on
   */
  public static int sizeForOperator() {
    if (System.getProperty(PARALLELISM) == null) {
      int cpus = Runtime.getRuntime().availableProcessors();
      System.setProperty(PARALLELISM, Integer.toString(Math.max(MINIMUM, cpus - 1)));
    }
    return ForkJoinPool.getCommonPoolParallelism();
  }
}
