package org.cockpit4j.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code cockpit} command line. Exit codes: 0 success, 1 a run or check failed, 2 a usage,
 * configuration or input error.
 */
@Command(
    name = "cockpit",
    mixinStandardHelpOptions = true,
    version = "Cockpit4J 0.1.0",
    description = "A practical debugger for training deep neural networks.",
    subcommands = {
      TrainCommand.class,
      BenchCommand.class,
      RunCommand.class,
      ListCommand.class,
      CheckReferenceCommand.class,
      PlotCommand.class,
      DashboardCommand.class,
      CommandLine.HelpCommand.class
    })
public final class CockpitCli implements Runnable {

  /** Exit code for usage, configuration and input errors. */
  public static final int USAGE_ERROR = 2;

  /** Exit code for a run or check that failed. */
  public static final int RUN_FAILURE = 1;

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** Builds the command line with the project's error handling. */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new CockpitCli());
    commandLine.setExecutionExceptionHandler(new CliErrors());
    commandLine.setExitCodeExceptionMapper(CliErrors::exitCode);
    return commandLine;
  }

  /** Entry point of the {@code ./cockpit} launcher. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
