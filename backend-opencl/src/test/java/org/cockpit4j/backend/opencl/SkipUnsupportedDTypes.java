package org.cockpit4j.backend.opencl;

import java.lang.reflect.Method;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.tensor.DType;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.TestAbortedException;

/**
 * Skips (rather than fails) the contract-test cases that need a dtype the device lacks (float64
 * without {@code cl_khr_fp64}): a parameterized case whose {@link DType} argument is unsupported by
 * the test's {@link Device#device()}, and any test that ends in an {@link
 * UnsupportedDTypeException}. The skip message names the device and the dtype.
 */
public final class SkipUnsupportedDTypes implements InvocationInterceptor {

  /** Implemented by the test classes: the backend they run on. */
  public interface Device {
    /** The backend under test. */
    Backend device();
  }

  @Override
  public void interceptTestTemplateMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext extensionContext)
      throws Throwable {
    Object instance = extensionContext.getRequiredTestInstance();
    if (instance instanceof Device test) {
      for (Object argument : invocationContext.getArguments()) {
        if (argument instanceof DType dtype && !test.device().supports(dtype)) {
          invocation.skip();
          throw new TestAbortedException(
              dtype + " is not supported by " + test.device().deviceDescription());
        }
      }
    }
    proceed(invocation);
  }

  @Override
  public void interceptTestMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext extensionContext)
      throws Throwable {
    proceed(invocation);
  }

  private static void proceed(Invocation<Void> invocation) throws Throwable {
    try {
      invocation.proceed();
    } catch (Throwable thrown) {
      for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
        if (cause instanceof UnsupportedDTypeException unsupported) {
          throw new TestAbortedException("Skipped: " + unsupported.getMessage(), thrown);
        }
      }
      throw thrown;
    }
  }
}
