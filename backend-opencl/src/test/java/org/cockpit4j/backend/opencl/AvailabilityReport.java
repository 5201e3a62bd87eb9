package org.cockpit4j.backend.opencl;

import org.cockpit4j.backend.Backends;

/**
 * Prints what a user sees about OpenCL on this machine: the provider's availability and reason,
 * {@link OpenClDevices#describe()}, and the outcome of {@code Backends.create("opencl")}. Run in a
 * child JVM by {@link OpenClAvailabilityTest} with the OpenCL drivers hidden.
 */
public final class AvailabilityReport {
  private AvailabilityReport() {}

  /** Prints the report, one fact per line. */
  public static void main(String[] args) {
    OpenClBackendProvider provider = new OpenClBackendProvider();
    System.out.println("available=" + provider.isAvailable());
    System.out.println("reason=" + provider.unavailableReason());
    System.out.println("describe=" + OpenClDevices.describe());
    try {
      Backends.create("opencl").close();
      System.out.println("create=ok");
    } catch (IllegalArgumentException e) {
      System.out.println("create=" + e.getMessage());
    }
  }
}
