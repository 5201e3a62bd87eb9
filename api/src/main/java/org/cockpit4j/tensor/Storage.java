package org.cockpit4j.tensor;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A backend's buffer behind one or more tensors (a reshaped tensor shares its storage). Reference
 * counted: the buffer is freed when the last tensor using it is closed. Backends subclass it (a
 * Java array on the CPU, a {@code cl_mem} on OpenCL).
 */
public abstract class Storage {
  private final AtomicInteger references = new AtomicInteger(1);

  /** Adds a user of this buffer (a view). */
  public final void retain() {
    if (references.getAndIncrement() <= 0) {
      references.decrementAndGet();
      throw new IllegalStateException("Storage was already freed");
    }
  }

  /** Drops a user; frees the buffer when none is left. */
  public final void release() {
    int left = references.decrementAndGet();
    if (left == 0) {
      free();
    } else if (left < 0) {
      throw new IllegalStateException("Storage released more often than retained");
    }
  }

  /** True once the buffer has been freed. */
  public final boolean isFreed() {
    return references.get() <= 0;
  }

  /** Frees the backend buffer; called exactly once. */
  protected abstract void free();
}
