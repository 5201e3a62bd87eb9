package org.cockpit4j.backend.cpu;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed pool of daemon threads with a deterministic work partition: a range is always cut into
 * the same contiguous chunks for a given thread count, so results never depend on scheduling. Calls
 * from inside a worker run serially (no nested parallelism, no deadlock).
 */
final class CpuThreads implements AutoCloseable {
  private static final AtomicInteger POOL_NUMBER = new AtomicInteger();
  private static final ThreadLocal<Boolean> INSIDE_WORKER = ThreadLocal.withInitial(() -> false);

  /** A body run over the half-open index range {@code [from, to)} by chunk {@code chunk}. */
  @FunctionalInterface
  interface RangeBody {
    void run(int chunk, int from, int to);
  }

  private final int threads;
  private final ExecutorService pool;

  CpuThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.threads = threads;
    if (threads == 1) {
      this.pool = null;
    } else {
      int poolNumber = POOL_NUMBER.incrementAndGet();
      AtomicInteger threadNumber = new AtomicInteger();
      this.pool =
          Executors.newFixedThreadPool(
              threads - 1,
              runnable -> {
                Thread thread =
                    new Thread(
                        () -> {
                          INSIDE_WORKER.set(true);
                          runnable.run();
                        },
                        "cockpit4j-cpu-" + poolNumber + "-" + threadNumber.incrementAndGet());
                thread.setDaemon(true);
                return thread;
              });
    }
  }

  /** Number of threads (the caller's thread counts as one). */
  int threads() {
    return threads;
  }

  /**
   * Runs {@code body} over {@code [0, count)} cut into at most {@code threads} contiguous chunks,
   * none smaller than {@code minChunk} (so small work stays on the calling thread).
   */
  void parallelFor(int count, int minChunk, RangeBody body) {
    int chunks = chunkCount(count, minChunk);
    if (chunks <= 1) {
      if (count > 0) {
        body.run(0, 0, count);
      }
      return;
    }
    List<Future<?>> futures = new ArrayList<>(chunks - 1);
    for (int chunk = 1; chunk < chunks; chunk++) {
      int from = chunkStart(count, chunks, chunk);
      int to = chunkStart(count, chunks, chunk + 1);
      int index = chunk;
      futures.add(pool.submit(() -> body.run(index, from, to)));
    }
    Throwable failure = null;
    try {
      body.run(0, 0, chunkStart(count, chunks, 1));
    } catch (RuntimeException | Error e) {
      failure = e;
    }
    for (Future<?> future : futures) {
      try {
        future.get();
      } catch (ExecutionException e) {
        if (failure == null) {
          failure = e.getCause();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        if (failure == null) {
          failure = e;
        }
      }
    }
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    } else if (failure instanceof Error error) {
      throw error;
    } else if (failure != null) {
      throw new IllegalStateException(failure);
    }
  }

  /** How many chunks {@link #parallelFor} uses for {@code count} items. */
  int chunkCount(int count, int minChunk) {
    if (pool == null || INSIDE_WORKER.get() || count <= 0) {
      return 1;
    }
    long byWork = Math.max(1, count / Math.max(1, (long) minChunk));
    return (int) Math.min(threads, Math.min(byWork, count));
  }

  /** Start of chunk {@code chunk} when {@code count} items are cut into {@code chunks}. */
  static int chunkStart(int count, int chunks, int chunk) {
    return (int) ((long) count * chunk / chunks);
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
