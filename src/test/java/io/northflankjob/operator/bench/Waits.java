package io.northflankjob.operator.bench;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded waits: every wait of the benchmark ends, with an error when the time runs out. */
final class Waits {

  private Waits() {}

  /** Polls {@code condition} every 100 ms; a RuntimeException it throws counts as not yet. */
  static void until(String what, Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    if (!within(timeout, condition)) {
      throw new TimeoutException("timed out after " + timeout.toSeconds() + "s waiting for " + what);
    }
  }

  /** Whether {@code condition} held within {@code timeout}. */
  static boolean within(Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    RuntimeException last = null;
    while (System.nanoTime() < deadline) {
      try {
        if (condition.getAsBoolean()) {
          return true;
        }
      } catch (IllegalStateException fatal) {
        throw fatal;
      } catch (RuntimeException e) {
        last = e;
      }
      Thread.sleep(100);
    }
    if (last != null) {
      System.err.println("last error while waiting: " + last);
    }
    return false;
  }

  static final class TimeoutException extends RuntimeException {
    TimeoutException(String message) {
      super(message);
    }
  }
}
