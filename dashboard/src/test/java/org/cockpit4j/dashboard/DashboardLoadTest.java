package org.cockpit4j.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cockpit4j.instruments.testing.SyntheticLogs;
import org.cockpit4j.log.JsonLinesLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded load test on loopback: rounds of many concurrent server-sent-event clients connect,
 * receive the initial state and one broadcast of a new step, and disconnect. Every client is served
 * within the time limit, the server still answers afterwards, and the heap after the last round
 * stays within a fixed margin of the heap after the first (the server forgets closed clients).
 */
class DashboardLoadTest {
  private static final int CLIENTS = 32;
  private static final int ROUNDS = 5;
  private static final long HEAP_MARGIN_BYTES = 48L << 20;

  @Test
  void manyConcurrentEventClientsAreServedWithBoundedMemory(@TempDir Path root) throws IOException {
    Path run = root.resolve("run");
    Files.createDirectories(run);
    try (JsonLinesLog sink =
            SyntheticLogs.writeJsonLines(run.resolve("cockpit.jsonl"), SyntheticLogs.healthy(4));
        DashboardServer server =
            DashboardServer.start(List.of(run), DashboardServer.DEFAULT_HOST, 0, 60_000)) {
      assertTimeoutPreemptively(
          Duration.ofSeconds(90),
          () -> {
            long afterFirst = 0;
            int step = 4;
            for (int round = 0; round < ROUNDS; round++) {
              List<Socket> sockets = new ArrayList<>();
              List<BufferedReader> readers = new ArrayList<>();
              for (int i = 0; i < CLIENTS; i++) {
                Socket socket = new Socket("127.0.0.1", server.port());
                socket.setSoTimeout(20_000);
                OutputStream out = socket.getOutputStream();
                out.write(
                    ("GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream"
                            + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                sockets.add(socket);
                readers.add(
                    new BufferedReader(
                        new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)));
              }
              for (BufferedReader reader : readers) {
                awaitEvent(reader, "comparison");
              }
              sink.write(step, SyntheticLogs.values(step, -0.2));
              step++;
              server.poll();
              for (BufferedReader reader : readers) {
                awaitEvent(reader, "run");
              }
              for (Socket socket : sockets) {
                socket.close();
              }
              if (round == 0) {
                afterFirst = usedHeap();
              }
            }
            server.poll(); // a broadcast notices the closed clients
            long afterLast = usedHeap();
            assertTrue(
                afterLast - afterFirst < HEAP_MARGIN_BYTES,
                "heap grew from "
                    + afterFirst
                    + " to "
                    + afterLast
                    + " bytes over "
                    + ROUNDS
                    + " rounds of "
                    + CLIENTS
                    + " clients");
            assertEquals(200, status(server, "/api/runs"));
          });
    }
  }

  /** Reads lines until {@code event: NAME}; fails on end of stream or the socket's timeout. */
  private static void awaitEvent(BufferedReader reader, String name) throws IOException {
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.equals("event: " + name)) {
        return;
      }
    }
    throw new AssertionError("the stream ended before the event " + name);
  }

  private static int status(DashboardServer server, String path) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String first =
          new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
              .readLine();
      return Integer.parseInt(first.split(" ")[1]);
    }
  }

  private static long usedHeap() throws InterruptedException {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
