package org.cockpit4j.backend.opencl;

import org.cockpit4j.tensor.Storage;
import org.cockpit4j.tensor.Tensor;
import org.jocl.CL;
import org.jocl.cl_mem;

/**
 * A device buffer behind OpenCL tensors. Empty tensors hold no buffer ({@code mem()} is null:
 * OpenCL cannot allocate zero bytes). Freeing releases the {@code cl_mem}; OpenCL defers the
 * deletion until the commands already queued on it have finished.
 */
final class OpenClStorage extends Storage {
  private final cl_mem mem;
  private final long bytes;

  OpenClStorage(cl_mem mem, long bytes) {
    this.mem = mem;
    this.bytes = bytes;
  }

  /** The buffer, or null for an empty tensor. */
  cl_mem mem() {
    return mem;
  }

  /** Size of the buffer in bytes. */
  long bytes() {
    return bytes;
  }

  /** The buffer of an OpenCL tensor, failing clearly for a tensor of another backend. */
  static cl_mem of(Tensor tensor) {
    if (!(tensor.storage() instanceof OpenClStorage storage)) {
      throw new IllegalArgumentException(
          "Tensor "
              + tensor.shape()
              + " lives on backend '"
              + tensor.backend().name()
              + "', not on this OpenCL backend; move it with toDoubleArray/fromArray first");
    }
    if (storage.isFreed()) {
      throw new IllegalStateException("Tensor " + tensor.shape() + " was already closed");
    }
    return storage.mem;
  }

  @Override
  protected void free() {
    if (mem != null) {
      CL.clReleaseMemObject(mem);
    }
  }
}
