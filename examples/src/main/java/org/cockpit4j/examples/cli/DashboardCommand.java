package org.cockpit4j.examples.cli;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.cockpit4j.dashboard.DashboardServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cockpit dashboard}: serves a live page with every gauge of the given runs, updated as
 * steps arrive, the runs compared side by side, and their diagnosis. Read-only; binds 127.0.0.1
 * unless told otherwise.
 */
@Command(
    name = "dashboard",
    mixinStandardHelpOptions = true,
    description = {
      "Serves a live dashboard of one or more run directories (running or finished) at"
          + " http://127.0.0.1:PORT/: every gauge, updated by server-sent events as steps arrive,"
          + " runs side by side (loss and α), and each run's diagnosis. Stop with Ctrl-C.",
      "The page, its scripts and the chart library (uPlot) come from the jar; nothing is fetched"
          + " from the network."
    })
final class DashboardCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "run directories or log files")
  List<Path> runs;

  @Option(
      names = "--port",
      defaultValue = "7070",
      description = "port (0: any free one; default: ${DEFAULT-VALUE})")
  int port;

  @Option(
      names = "--host",
      defaultValue = DashboardServer.DEFAULT_HOST,
      description = "address to bind (default: ${DEFAULT-VALUE}, this machine only)")
  String host;

  @Option(names = "--poll-ms", defaultValue = "250", description = "log polling interval")
  long pollMillis;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be within 0..65535, got " + port);
    }
    if (!InetAddress.getByName(host).isLoopbackAddress()) {
      System.err.println(
          "cockpit: warning: binding "
              + host
              + " makes the dashboard reachable from other machines");
    }
    try (DashboardServer server = DashboardServer.start(runs, host, port, pollMillis)) {
      System.out.println("Cockpit dashboard at " + server.url() + " (Ctrl-C to stop)");
      server.awaitStop();
    }
    return 0;
  }
}
