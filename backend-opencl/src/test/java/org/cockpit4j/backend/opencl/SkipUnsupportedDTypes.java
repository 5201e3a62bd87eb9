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
    proceed(invocation, extensionContext);
  }

  @Override
  public void interceptTestMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext extensionContext)
      throws Throwable {
    proceed(invocation, extensionContext);
  }

  @Override
  public void interceptBeforeEachMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext extensionContext)
      throws Throwable {
    proceed(invocation, extensionContext);
  }

  private static void proceed(Invocation<Void> invocation, ExtensionContext extensionContext)
      throws Throwable {
    try {
      invocation.proceed();
    } catch (Throwable thrown) {
      Object instance = extensionContext.getRequiredTestInstance();
      boolean noFloat64 = instance instanceof Device test && !test.device().supports(DType.FLOAT64);
      for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
        if (cause instanceof UnsupportedDTypeException
            || (noFloat64
                && cause.getMessage() != null
                && cause.getMessage().contains(DType.FLOAT64.toString()))) {
          throw new TestAbortedException("Skipped, needs float64: " + cause.getMessage(), thrown);
        }
      }
      throw thrown;
    }
  }
}
