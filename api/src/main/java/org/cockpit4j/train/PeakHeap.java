package org.cockpit4j.train;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;

/**
 * Peak heap use over a stretch of work, for benchmarks: {@link #start()} collects garbage and
 * resets the heap pools' peaks, {@link #bytes()} sums the pools' peaks since then.
 */
public final class PeakHeap {
  private final List<MemoryPoolMXBean> pools = new ArrayList<>();

  private PeakHeap() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
        pools.add(pool);
      }
    }
  }

  /** Starts measuring now. */
  public static PeakHeap start() {
    System.gc();
    PeakHeap peak = new PeakHeap();
    peak.pools.forEach(MemoryPoolMXBean::resetPeakUsage);
    return peak;
  }

  /** The sum of the heap pools' peak use since {@link #start()}, in bytes. */
  public long bytes() {
    long total = 0;
    for (MemoryPoolMXBean pool : pools) {
      total += pool.getPeakUsage().getUsed();
    }
    return total;
  }
}
