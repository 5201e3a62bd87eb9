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
 * the same contiguous pieces for a given thread count (whichever thread then runs a piece), so
 * results never depend on scheduling. Calls from inside a worker run serially (no nested
 * parallelism, no deadlock).
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

  /** Pieces per thread that {@link #parallelFor} cuts a range into, at most. */
  static final int PIECES_PER_THREAD = 4;

  /**
   * Runs {@code body} over {@code [0, count)} on up to {@code threads} threads, cut into contiguous
   * pieces (up to {@link #PIECES_PER_THREAD} per thread, none smaller than {@code minChunk}, so
   * small work stays on the calling thread). The pieces are fixed by the counts alone and handed
   * out in order to whichever thread is free, so a thread the system holds back does not hold up
   * the others; bodies must compute each index the same way whatever piece or thread runs it.
   */
  void parallelFor(int count, int minChunk, RangeBody body) {
    int chunks = chunkCount(count, minChunk);
    long bySize = Math.max(1, count / Math.max(1, (long) minChunk));
    int pieces = (int) Math.min(Math.min(count, bySize), (long) chunks * PIECES_PER_THREAD);
    run(count, chunks, Math.max(chunks, pieces), body);
  }

  /**
   * Like {@link #parallelFor} with {@code minChunk} 1, but with one piece per thread: for bodies
   * whose every piece has a large fixed cost.
   */
  void parallelForPerThread(int count, RangeBody body) {
    int chunks = chunkCount(count, 1);
    run(count, chunks, chunks, body);
  }

  private void run(int count, int chunks, int pieces, RangeBody body) {
    if (chunks <= 1) {
      if (count > 0) {
        body.run(0, 0, count);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    Runnable share =
        () -> {
          for (int piece = next.getAndIncrement(); piece < pieces; ) {
            body.run(piece, chunkStart(count, pieces, piece), chunkStart(count, pieces, piece + 1));
            piece = next.getAndIncrement();
          }
        };
    List<Future<?>> futures = new ArrayList<>(chunks - 1);
    for (int helper = 1; helper < chunks; helper++) {
      futures.add(pool.submit(share));
    }
    Throwable failure = null;
    try {
      share.run();
    } catch (RuntimeException | Error e) {
      failure = e;
      next.set(pieces); // let the helpers stop early
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
