package org.cockpit4j.conformance;

import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.opencl.OpenClTestBackend;

/** The reference cases replayed on the default OpenCL device (skipped without one or fp64). */
class OpenClReferenceConformanceTest extends ReferenceConformanceContractTest {
  @Override
  protected Backend backend() {
    return OpenClTestBackend.get();
  }
}
