/**
 * The OpenCL backend: {@link org.cockpit4j.backend.opencl.OpenClBackend} (every op as an OpenCL C
 * kernel from this package's resources, device-resident buffers), its ServiceLoader entry {@link
 * org.cockpit4j.backend.opencl.OpenClBackendProvider} ({@code opencl}), {@link
 * org.cockpit4j.backend.opencl.OpenClDevices} (listing and selection) and {@link
 * org.cockpit4j.backend.GemmBenchmark} (which waits for the device through {@code synchronize()}).
 * See docs/opencl.md.
 */
package org.cockpit4j.backend.opencl;
