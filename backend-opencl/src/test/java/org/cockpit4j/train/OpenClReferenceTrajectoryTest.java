package org.cockpit4j.train;

import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.opencl.OpenClTestBackend;
import org.cockpit4j.backend.opencl.SkipUnsupportedDTypes;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link ReferenceTrajectoryContractTest} on the default OpenCL device (float64 cases skip without
 * fp64).
 */
@ExtendWith(SkipUnsupportedDTypes.class)
class OpenClReferenceTrajectoryTest extends ReferenceTrajectoryContractTest
    implements SkipUnsupportedDTypes.Device {
  @Override
  protected Backend backend() {
    return OpenClTestBackend.get();
  }

  @Override
  public Backend device() {
    return backend();
  }
}
