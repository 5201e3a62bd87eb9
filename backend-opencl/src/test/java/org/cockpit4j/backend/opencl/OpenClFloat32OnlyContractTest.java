package org.cockpit4j.backend.opencl;

import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.BackendContractTest;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The backend contract on the default device with {@code fp64=off}: the kernels a device without
 * {@code cl_khr_fp64} runs (float sums with Kahan compensation, uniforms from the ulong-to-float
 * conversion, host-side normals). Every float64 case is skipped.
 */
@ExtendWith(SkipUnsupportedDTypes.class)
class OpenClFloat32OnlyContractTest extends BackendContractTest
    implements SkipUnsupportedDTypes.Device {
  @Override
  public Backend backend() {
    return OpenClTestBackend.float32Only();
  }

  @Override
  public Backend device() {
    return backend();
  }
}
