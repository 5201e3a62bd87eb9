package org.cockpit4j.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.cockpit4j.instruments.testing.SyntheticLogs;
import org.cockpit4j.log.JsonLinesLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event clients that do not keep up: a client that connects and never reads (a raw socket with a
 * tiny receive buffer) delays neither the broadcasts nor a client that reads, its queue never
 * exceeds its capacity, and it is disconnected once it falls that far behind; clients beyond the
 * limit are refused with 503.
 */
class DashboardStalledClientTest {
  private static final int MAX_STEPS = 400;
  private static final int STEPS_AFTER_DISCONNECTION = 10;
  private static final long POLL_LIMIT_MILLIS = 2_000;

  @Test
  void aClientThatNeverReadsDelaysNobodyAndIsDisconnected(@TempDir Path root) throws IOException {
    Path run = root.resolve("run");
    Files.createDirectories(run);
    try (JsonLinesLog sink =
            SyntheticLogs.writeJsonLines(run.resolve("cockpit.jsonl"), SyntheticLogs.healthy(4));
        DashboardServer server =
            DashboardServer.start(List.of(run), DashboardServer.DEFAULT_HOST, 0, 60_000);
        Socket stalled = new Socket();
        Socket reading = new Socket()) {
      stalled.setReceiveBufferSize(1024);
      stalled.connect(new InetSocketAddress(DashboardServer.DEFAULT_HOST, server.port()));
      requestEvents(stalled);
      reading.connect(new InetSocketAddress(DashboardServer.DEFAULT_HOST, server.port()));
      reading.setSoTimeout(10_000);
      requestEvents(reading);
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(reading.getInputStream(), StandardCharsets.UTF_8));
      assertTimeoutPreemptively(
          Duration.ofSeconds(90),
          () -> {
            awaitLine(in, "\"lastStep\":3");
            int disconnectedAt = -1;
            for (int step = 4;
                step < 4 + MAX_STEPS
                    && (disconnectedAt < 0 || step < disconnectedAt + STEPS_AFTER_DISCONNECTION);
                step++) {
              sink.write(step, SyntheticLogs.values(step, -0.2));
              long start = System.nanoTime();
              server.poll();
              long millis = (System.nanoTime() - start) / 1_000_000;
              assertTrue(
                  millis < POLL_LIMIT_MILLIS,
                  "the broadcast of step " + step + " took " + millis + " ms");
              awaitLine(in, "\"lastStep\":" + step);
              assertTrue(
                  server.longestEventQueue() <= server.eventQueueCapacity(),
                  "a queue holds "
                      + server.longestEventQueue()
                      + " events, more than its capacity "
                      + server.eventQueueCapacity());
              if (disconnectedAt < 0 && server.eventClients() == 1) {
                disconnectedAt = step;
              }
            }
            assertEquals(1, server.eventClients(), "the stalled client is still connected");
            stalled.setSoTimeout(10_000);
            assertTrue(
                readsToTheEnd(stalled.getInputStream()), "the stalled stream was not closed");
          });
    }
  }

  @Test
  void refusesEventClientsBeyondTheLimit(@TempDir Path root) throws IOException {
    Path run = root.resolve("run");
    Files.createDirectories(run);
    try (JsonLinesLog sink =
            SyntheticLogs.writeJsonLines(run.resolve("cockpit.jsonl"), SyntheticLogs.healthy(4));
        DashboardServer server =
            DashboardServer.start(List.of(run), DashboardServer.DEFAULT_HOST, 0, 60_000, 2);
        Socket first = new Socket(DashboardServer.DEFAULT_HOST, server.port());
        Socket second = new Socket(DashboardServer.DEFAULT_HOST, server.port());
        Socket third = new Socket(DashboardServer.DEFAULT_HOST, server.port())) {
      for (Socket socket : List.of(first, second)) {
        socket.setSoTimeout(10_000);
        requestEvents(socket);
        awaitLine(
            new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)),
            "event: comparison");
      }
      third.setSoTimeout(10_000);
      requestEvents(third);
      String status =
          new BufferedReader(new InputStreamReader(third.getInputStream(), StandardCharsets.UTF_8))
              .readLine();
      assertTrue(status.startsWith("HTTP/1.1 503"), status);
    }
  }

  private static void requestEvents(Socket socket) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(
        ("GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Reads lines until one contains {@code text}; fails on end of stream or the socket timeout. */
  private static void awaitLine(BufferedReader in, String text) throws IOException {
    String line;
    while ((line = in.readLine()) != null) {
      if (line.contains(text)) {
        return;
      }
    }
    throw new AssertionError("the stream ended before a line with " + text);
  }

  /** Reads until the end of the stream (or a reset); false on the socket timeout. */
  private static boolean readsToTheEnd(InputStream in) throws IOException {
    byte[] buffer = new byte[1 << 16];
    try {
      while (in.read(buffer) >= 0) {
        // discard what was sent before the disconnection
      }
      return true;
    } catch (java.net.SocketTimeoutException e) {
      return false;
    } catch (SocketException e) {
      return true;
    }
  }
}
