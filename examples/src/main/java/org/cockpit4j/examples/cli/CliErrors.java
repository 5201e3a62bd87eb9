package org.cockpit4j.examples.cli;

import java.io.UncheckedIOException;
import org.cockpit4j.backend.DeviceFailureException;
import org.cockpit4j.reference.ReferenceFormatException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions into one clear paragraph on stderr and an exit code, instead of a stack trace:
 * bad input (illegal arguments, unreadable files) and a device that cannot run the model (a {@link
 * DeviceFailureException}, such as an OpenCL kernel failure, even in a run that had started) are
 * usage errors (2), anything else a run failure (1). Set {@code COCKPIT4J_DEBUG=1} to see the stack
 * trace as well.
 */
final class CliErrors implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, ParseResult parseResult) {
    commandLine.getErr().println("cockpit: " + message(exception));
    if (System.getenv("COCKPIT4J_DEBUG") != null) {
      exception.printStackTrace(commandLine.getErr());
    }
    return exitCode(exception);
  }

  static int exitCode(Throwable exception) {
    Throwable cause = exception;
    for (int depth = 0; cause != null && depth < 16; depth++, cause = cause.getCause()) {
      if (cause instanceof DeviceFailureException) {
        return CockpitCli.USAGE_ERROR;
      }
    }
    if (exception instanceof IllegalArgumentException
        || exception instanceof UncheckedIOException
        || exception instanceof java.io.IOException
        || exception instanceof ReferenceFormatException
        || exception instanceof CommandLine.ParameterException) {
      return CockpitCli.USAGE_ERROR;
    }
    return CockpitCli.RUN_FAILURE;
  }

  private static String message(Throwable exception) {
    String text = exception.getMessage();
    if (text == null || text.isBlank()) {
      text = exception.getClass().getSimpleName();
    }
    Throwable cause = exception.getCause();
    if (cause != null && cause.getMessage() != null) {
      String causeLine = cause.getMessage().lines().findFirst().orElse("");
      if (!causeLine.isBlank() && !text.contains(causeLine)) {
        text += " (" + causeLine + ")";
      }
    }
    return text;
  }
}
