package org.cockpit4j.backend.opencl;

import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.BackendContractTest;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The backend contract on the default OpenCL device (PoCL's CPU device here), with the contract's
 * tolerances: float32 within 1e-5 and float64 within 1e-12 relative to the terms' magnitude.
 * Float64 cases are skipped on devices without fp64.
 */
@ExtendWith(SkipUnsupportedDTypes.class)
class OpenClBackendContractTest extends BackendContractTest
    implements SkipUnsupportedDTypes.Device {
  @Override
  public Backend backend() {
    return OpenClTestBackend.get();
  }

  @Override
  public Backend device() {
    return backend();
  }
}
