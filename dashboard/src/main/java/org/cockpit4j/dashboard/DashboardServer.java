package org.cockpit4j.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cockpit4j.instrument.RunData;

/**
 * The live dashboard's web server: read-only, bound to {@value #DEFAULT_HOST} unless told
 * otherwise, serving a page with every gauge of every run, the runs compared side by side, and each
 * run's diagnosis. A poller tails the runs' logs every {@code pollMillis} and pushes changed runs
 * to the browsers by server-sent events ({@code /api/events}, events {@code run} and {@code
 * comparison}). Serves only its own page, its bundled scripts (uPlot from the webjar) and files
 * inside the run directories ({@code /runs/{index}/files/{name}}).
 *
 * <p>Broadcasting never waits for a browser: each event client has its own bounded queue ({@link
 * #eventQueueCapacity()} events) drained by its own task on a sender pool, and a client that falls
 * that far behind (it stopped reading) is disconnected; a browser reconnects by itself and gets the
 * full state again. At most {@value #MAX_EVENT_CLIENTS} event clients are served at once (more get
 * 503), so the memory and threads the clients hold are bounded.
 *
 * <pre>{@code
 * try (DashboardServer server = DashboardServer.start(List.of(Path.of("runs/lr_0.1")), "127.0.0.1", 7070)) {
 *   System.out.println(server.url());
 *   server.awaitStop();
 * }
 * }</pre>
 */
public final class DashboardServer implements AutoCloseable {
  /** The default bind address: this machine only. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** The default port. */
  public static final int DEFAULT_PORT = 7070;

  /** How often the logs are polled by default. */
  public static final long DEFAULT_POLL_MILLIS = 250;

  /** The most server-sent-event clients served at once; more are answered 503. */
  public static final int MAX_EVENT_CLIENTS = 256;

  /** A client's queue holds this many polls' worth of events (every run and the comparison). */
  private static final int QUEUED_POLLS = 8;

  private static final String RESOURCES = "org/cockpit4j/dashboard/";
  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

  static {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
  }

  private final List<RunSource> runs;
  private final List<EventStream> clients = new CopyOnWriteArrayList<>();
  private final ExecutorService senders;
  private final int eventQueueCapacity;
  private final int maxEventClients;
  private final ScheduledExecutorService poller;
  private final Map<String, Asset> assets;
  private final String host;
  private final Javalin app;
  private volatile String comparison;

  private record Asset(String resource, String contentType) {}

  private DashboardServer(
      List<Path> paths, String host, int port, long pollMillis, int maxEventClients) {
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("The dashboard needs at least one run directory");
    }
    List<RunSource> sources = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      Path path = paths.get(i);
      if (!Files.exists(path)) {
        throw new IllegalArgumentException(
            "No run directory or log at "
                + path.toAbsolutePath()
                + "; pass existing run directories");
      }
      sources.add(new RunSource(i, path));
    }
    this.runs = List.copyOf(sources);
    this.host = host;
    this.assets = assets();
    runs.forEach(RunSource::update);
    this.comparison = comparisonState();
    this.eventQueueCapacity = QUEUED_POLLS * (runs.size() + 1);
    this.maxEventClients = maxEventClients;
    this.senders =
        new ThreadPoolExecutor(
            0,
            2 * maxEventClients, // a drain per client, and the closing of disconnected ones
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            daemonThreads("cockpit-dashboard-sender-"));
    this.app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.jetty.host = host;
              config.jetty.port = port;
              config.routes.before(this::guard);
              config.routes.before("/api/events", this::admitEventClient);
              config.routes.get("/", ctx -> asset(ctx, "index.html"));
              config.routes.get("/assets/{name}", ctx -> asset(ctx, ctx.pathParam("name")));
              config.routes.get("/api/runs", this::runList);
              config.routes.get("/api/runs/{index}", this::runState);
              config.routes.get("/api/comparison", ctx -> json(ctx, comparison));
              config.routes.get("/runs/{index}/files/<name>", this::file);
              config.routes.sse("/api/events", this::connect);
            });
    app.start();
    this.poller =
        Executors.newSingleThreadScheduledExecutor(daemonThreads("cockpit-dashboard-poller-"));
    poller.scheduleWithFixedDelay(this::poll, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
  }

  /** Starts a dashboard over {@code runs} on {@code host}:{@code port} (0 picks a free port). */
  public static DashboardServer start(List<Path> runs, String host, int port) {
    return new DashboardServer(runs, host, port, DEFAULT_POLL_MILLIS, MAX_EVENT_CLIENTS);
  }

  /** As {@link #start(List, String, int)} with a poll interval. */
  public static DashboardServer start(List<Path> runs, String host, int port, long pollMillis) {
    return new DashboardServer(runs, host, port, pollMillis, MAX_EVENT_CLIENTS);
  }

  /** As {@link #start(List, String, int, long)} serving at most {@code maxEventClients} at once. */
  static DashboardServer start(
      List<Path> runs, String host, int port, long pollMillis, int maxEventClients) {
    return new DashboardServer(runs, host, port, pollMillis, maxEventClients);
  }

  /** The port listened on. */
  public int port() {
    return app.port();
  }

  /** The address bound. */
  public String host() {
    return host;
  }

  /** The page's URL. */
  public String url() {
    String shown = host.contains(":") ? "[" + host + "]" : host;
    return "http://" + shown + ":" + port() + "/";
  }

  /** The most events one event client's queue holds before it is disconnected. */
  public int eventQueueCapacity() {
    return eventQueueCapacity;
  }

  /** The number of event clients connected now. */
  int eventClients() {
    clients.removeIf(EventStream::closed);
    return clients.size();
  }

  /** The longest queue of unsent events of any client now. */
  int longestEventQueue() {
    return clients.stream().mapToInt(EventStream::queued).max().orElse(0);
  }

  /**
   * Reads the logs once and pushes what changed (the poller does this periodically). Returns
   * without waiting for any client: events are queued per client.
   */
  public synchronized void poll() {
    boolean changed = false;
    for (RunSource run : runs) {
      try {
        if (run.update()) {
          changed = true;
          broadcast("run", run.state());
        }
      } catch (RuntimeException e) {
        System.getLogger(DashboardServer.class.getName())
            .log(System.Logger.Level.WARNING, "Cannot read run " + run.name() + ": " + e);
      }
    }
    if (changed) {
      comparison = comparisonState();
      broadcast("comparison", comparison);
    }
  }

  /** Blocks until the server stops (Ctrl-C). */
  public void awaitStop() throws InterruptedException {
    Thread.currentThread().join();
  }

  @Override
  public void close() {
    poller.shutdownNow();
    clients.forEach(EventStream::disconnect);
    app.stop();
    senders.shutdownNow();
  }

  // ---- handlers ---------------------------------------------------------------------------------

  private void guard(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("Referrer-Policy", "no-referrer");
    if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) {
      ctx.header("Allow", "GET, HEAD");
      ctx.status(405).result("The Cockpit dashboard is read-only");
      ctx.skipRemainingHandlers();
    }
  }

  private void asset(Context ctx, String name) {
    Asset asset = assets.get(name);
    if (asset == null) {
      ctx.status(404).result("Not found");
      return;
    }
    InputStream in = DashboardServer.class.getClassLoader().getResourceAsStream(asset.resource());
    if (in == null) {
      ctx.status(404).result("Not found");
      return;
    }
    try (in) {
      ctx.contentType(asset.contentType()).result(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void runList(Context ctx) {
    ArrayNode list = JsonNodeFactory.instance.arrayNode();
    for (RunSource run : runs) {
      ObjectNode node = list.addObject();
      node.put("index", run.index());
      node.put("name", run.name());
      node.put("lastStep", run.data().lastStep());
    }
    json(ctx, list.toString());
  }

  private void runState(Context ctx) {
    Optional<RunSource> run = run(ctx.pathParam("index"));
    if (run.isEmpty()) {
      ctx.status(404).result("No such run");
      return;
    }
    json(ctx, run.get().state());
  }

  private void file(Context ctx) {
    Optional<RunSource> run = run(ctx.pathParam("index"));
    Optional<Path> file = run.flatMap(source -> source.files().resolve(ctx.pathParam("name")));
    if (file.isEmpty()) {
      ctx.status(404).result("Not found");
      return;
    }
    try {
      ctx.contentType(RunFiles.contentType(file.get())).result(Files.readAllBytes(file.get()));
    } catch (IOException e) {
      ctx.status(404).result("Not found");
    }
  }

  private void admitEventClient(Context ctx) {
    if (eventClients() >= maxEventClients) {
      ctx.header("Retry-After", "10");
      ctx.status(503)
          .result(
              "The dashboard serves at most "
                  + maxEventClients
                  + " live clients at once; close other tabs and reload");
      ctx.skipRemainingHandlers();
    }
  }

  /**
   * A new event client: queued the full state, then every broadcast. Synchronized with {@link
   * #poll()} so that no update falls between the initial state and the first broadcast.
   */
  private void connect(SseClient client) {
    client.keepAlive();
    EventStream stream = new EventStream(client, senders, eventQueueCapacity);
    client.onClose(
        () -> {
          stream.clientClosed();
          clients.remove(stream);
        });
    synchronized (this) {
      for (RunSource run : runs) {
        stream.offer("run", run.state());
      }
      stream.offer("comparison", comparison);
      clients.add(stream);
    }
  }

  private void broadcast(String event, String data) {
    for (EventStream client : clients) {
      if (!client.offer(event, data)) {
        clients.remove(client);
      }
    }
  }

  private Optional<RunSource> run(String index) {
    if (index == null || !index.matches("[0-9]{1,6}")) {
      return Optional.empty();
    }
    int value = Integer.parseInt(index);
    return value < runs.size() ? Optional.of(runs.get(value)) : Optional.empty();
  }

  private String comparisonState() {
    List<RunData> data = runs.stream().map(RunSource::data).toList();
    ArrayNode gauges = JsonNodeFactory.instance.arrayNode();
    Comparison.views(data).forEach(view -> gauges.add(GaugeJson.gauge(view)));
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.set("gauges", gauges);
    ArrayNode names = root.putArray("runs");
    data.forEach(run -> names.add(Comparison.label(run)));
    return root.toString();
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  private static void json(Context ctx, String body) {
    ctx.contentType("application/json").result(body);
  }

  private static Map<String, Asset> assets() {
    String uplot = "META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist/";
    return Map.of(
        "index.html", new Asset(RESOURCES + "index.html", "text/html; charset=utf-8"),
        "dashboard.js", new Asset(RESOURCES + "dashboard.js", "text/javascript; charset=utf-8"),
        "dashboard.css", new Asset(RESOURCES + "dashboard.css", "text/css; charset=utf-8"),
        "uPlot.iife.min.js",
            new Asset(uplot + "uPlot.iife.min.js", "text/javascript; charset=utf-8"),
        "uPlot.min.css", new Asset(uplot + "uPlot.min.css", "text/css; charset=utf-8"));
  }

  /** The bundled uPlot version, from the webjar's Maven metadata. */
  static String uplotVersion() {
    try (InputStream in =
        DashboardServer.class
            .getClassLoader()
            .getResourceAsStream("META-INF/maven/org.webjars.npm/uplot/pom.properties")) {
      if (in == null) {
        throw new IllegalStateException(
            "The uPlot webjar (org.webjars.npm:uplot) is not on the class path");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
