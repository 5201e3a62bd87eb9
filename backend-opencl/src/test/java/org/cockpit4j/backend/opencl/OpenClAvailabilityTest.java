package org.cockpit4j.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.BackendProvider;
import org.cockpit4j.backend.Backends;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery, device selection, options, and the report when OpenCL is missing. */
class OpenClAvailabilityTest {

  @Test
  void providerIsFoundByServiceLoaderWithPriorityAboveTheCpu() {
    BackendProvider provider =
        Backends.providers().stream()
            .filter(p -> p.name().equals("opencl"))
            .findFirst()
            .orElseThrow();
    assertEquals(20, provider.priority());
    assertEquals(provider.isAvailable(), provider.unavailableReason().isEmpty());
  }

  @Test
  void backendsCreatesItByNameAndDescribesTheDevice() {
    OpenClTestBackend.get(); // skips without OpenCL
    try (Backend backend = Backends.create("opencl")) {
      assertEquals("opencl", backend.name());
      assertTrue(backend.deviceDescription().contains("device 0"), backend.deviceDescription());
    }
    assertTrue(OpenClDevices.describe().contains("platform 0"), OpenClDevices.describe());
    String listed = new OpenClBackendProvider().describeDevices();
    assertTrue(listed.contains("platform 0") && listed.contains("device="), listed);
  }

  @Test
  void optionsThatMatchNoDeviceOrNoKernelFailListingTheDevices() {
    OpenClTestBackend.get();
    IllegalArgumentException noDevice =
        assertThrows(
            IllegalArgumentException.class,
            () -> Backends.create("opencl", Map.of("device", "no-such-device")));
    assertTrue(noDevice.getMessage().contains("'no-such-device'"), noDevice.getMessage());
    assertTrue(noDevice.getMessage().contains("platform 0"), noDevice.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> Backends.create("opencl", Map.of("platform", "99")));
    IllegalArgumentException badGemm =
        assertThrows(
            IllegalArgumentException.class,
            () -> Backends.create("opencl", Map.of("gemm", "fast")));
    assertTrue(badGemm.getMessage().contains("'fast'"), badGemm.getMessage());
    try (Backend byIndex = Backends.create("opencl", Map.of("platform", "0", "device", "0"))) {
      assertEquals("opencl", byIndex.name());
    }
  }

  @Test
  void withoutAnyOpenClDriverTheBackendIsUnavailableWithOneReason(@TempDir Path emptyVendors)
      throws IOException, InterruptedException {
    // The ICD loader reads drivers from OCL_ICD_VENDORS; an empty directory hides them all.
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    AvailabilityReport.class.getName()))
            .redirectErrorStream(true);
    builder.environment().put("OCL_ICD_VENDORS", emptyVendors.toString());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.contains("available=false"), output);
    String reason = output.lines().filter(l -> l.startsWith("reason=")).findFirst().orElseThrow();
    assertTrue(
        reason.contains("OpenCL") && reason.contains("apt-get install ocl-icd-libopencl1"), reason);
    assertTrue(output.contains("describe=OpenCL: unavailable."), output);
    String create = output.lines().filter(l -> l.startsWith("create=")).findFirst().orElseThrow();
    assertTrue(create.contains("'opencl' is not available"), create);
    assertTrue(create.contains("available: ["), create);
    assertFalse(create.contains("create=ok"), create);
  }
}
