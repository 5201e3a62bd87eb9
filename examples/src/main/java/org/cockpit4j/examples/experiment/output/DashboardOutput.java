package org.cockpit4j.examples.experiment.output;

import java.util.List;
import java.util.Map;
import org.cockpit4j.dashboard.DashboardServer;
import org.cockpit4j.log.LogSink;

/**
 * {@code dashboard}: serves the live dashboard of this run at {@code
 * http://127.0.0.1:<output.dashboard_port>/} while it trains (the dashboard tails the run's JSON
 * Lines log); it stops with the run ({@code cockpit dashboard DIR} shows the finished run again).
 */
public final class DashboardOutput implements RunOutputProvider {

  @Override
  public String name() {
    return "dashboard";
  }

  @Override
  public String description() {
    return "the live dashboard at http://127.0.0.1:<output.dashboard_port>/ during the run";
  }

  @Override
  public LogSink open(RunOutputContext context) {
    DashboardServer server =
        DashboardServer.start(
            List.of(context.directory()),
            DashboardServer.DEFAULT_HOST,
            context.config().output().dashboardPort());
    context.console().println("dashboard: " + server.url());
    return new LogSink() {
      @Override
      public void write(int step, Map<String, Object> values) {}

      @Override
      public void close() {
        server.close();
      }
    };
  }
}
