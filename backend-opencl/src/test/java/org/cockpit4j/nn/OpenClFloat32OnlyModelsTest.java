package org.cockpit4j.nn;

import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.opencl.OpenClTestBackend;
import org.cockpit4j.backend.opencl.SkipUnsupportedDTypes;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link ModelsContractTest} with {@code fp64=off}: the DeepOBS models' float32 forward and
 * backward passes on the kernels of a device without fp64 (its float64 case is skipped).
 */
@ExtendWith(SkipUnsupportedDTypes.class)
class OpenClFloat32OnlyModelsTest extends ModelsContractTest
    implements SkipUnsupportedDTypes.Device {
  @Override
  protected Backend backend() {
    return OpenClTestBackend.float32Only();
  }

  @Override
  public Backend device() {
    return backend();
  }
}
