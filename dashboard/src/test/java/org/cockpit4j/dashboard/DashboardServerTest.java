package org.cockpit4j.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cockpit4j.instruments.testing.SyntheticLogs;
import org.cockpit4j.log.JsonLinesLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server over raw HTTP: read-only, bound to localhost, serves only its run directories. */
class DashboardServerTest {
  private static final String SECRET = "top-secret-content-1234";

  @TempDir static Path root;
  private static DashboardServer server;
  private static JsonLinesLog sink;

  @BeforeAll
  static void start() throws IOException {
    Files.writeString(root.resolve("secret.txt"), SECRET);
    Path run = root.resolve("runs").resolve("lr_0.1");
    Files.createDirectories(run);
    sink = SyntheticLogs.writeJsonLines(run.resolve("cockpit.jsonl"), SyntheticLogs.healthy(4));
    Files.writeString(run.resolve("notes.txt"), "inside the run");
    server = DashboardServer.start(List.of(run), DashboardServer.DEFAULT_HOST, 0, 50);
  }

  @AfterAll
  static void stop() {
    server.close();
    sink.close();
  }

  @Test
  void bindsLocalhostAndServesThePageAndItsBundledScripts() throws IOException {
    assertEquals("127.0.0.1", server.host());
    Response page = get("/");
    assertEquals(200, page.status());
    assertTrue(page.body().contains("/assets/uPlot.iife.min.js"));
    Response uplot = get("/assets/uPlot.iife.min.js");
    assertEquals(200, uplot.status());
    assertTrue(uplot.body().contains("uPlot"));
    assertNotEquals(200, get("/assets/../pom.xml").status());
    assertEquals(404, get("/assets/secret.txt").status());
  }

  @Test
  void servesRunStateAndFilesInsideTheRunDirectory() throws IOException {
    JsonNode state = new ObjectMapper().readTree(get("/api/runs/0").body());
    assertEquals("lr_0.1", state.get("name").asText());
    assertEquals(3, state.get("lastStep").asInt());
    assertTrue(state.get("gauges").size() >= 19);
    assertEquals(200, get("/runs/0/files/notes.txt").status());
    assertEquals(200, get("/runs/0/files/cockpit.jsonl").status());
    assertEquals(404, get("/runs/1/files/notes.txt").status());
    assertEquals(404, get("/runs/x/files/notes.txt").status());
  }

  @Test
  void rejectsPathTraversalIncludingEncodedForms() throws IOException {
    List<String> attacks =
        List.of(
            "/runs/0/files/../../secret.txt",
            "/runs/0/files/..%2f..%2fsecret.txt",
            "/runs/0/files/%2e%2e/%2e%2e/secret.txt",
            "/runs/0/files/%2e%2e%2f%2e%2e%2fsecret.txt",
            "/runs/0/files/%252e%252e%252f%252e%252e%252fsecret.txt",
            "/runs/0/files/..%5c..%5csecret.txt",
            "/runs/0/files/%c0%ae%c0%ae/%c0%ae%c0%ae/secret.txt",
            "/runs/0/files/" + root.resolve("secret.txt").toAbsolutePath(),
            "/runs/0/files/%2F"
                + root.resolve("secret.txt").toAbsolutePath().toString().substring(1),
            "/runs/0/files/notes.txt%00.png",
            "/runs/0/files/./../../secret.txt",
            "/runs/../../secret.txt",
            "/assets/..%2f..%2fsecret.txt",
            "/../secret.txt");
    for (String attack : attacks) {
      Response response = get(attack);
      assertNotEquals(200, response.status(), attack);
      assertFalse(response.body().contains(SECRET), attack);
    }
  }

  @Test
  void isReadOnly() throws IOException {
    for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
      Response response = request(method, "/api/runs/0");
      assertEquals(405, response.status(), method);
    }
  }

  @Test
  void pushesAppendedStepsAsServerSentEvents() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /api/events HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      assertTrue(readUntil(in, "\"lastStep\":3"), "initial state");
      sink.write(4, Map.of("Loss", 0.3, "Alpha", 0.1));
      assertTrue(readUntil(in, "\"lastStep\":4"), "pushed update");
    }
  }

  private static boolean readUntil(BufferedReader in, String text) throws IOException {
    long deadline = System.currentTimeMillis() + 10_000;
    String line;
    while (System.currentTimeMillis() < deadline && (line = in.readLine()) != null) {
      if (line.contains(text)) {
        return true;
      }
    }
    return false;
  }

  record Response(int status, String body) {}

  private static Response get(String path) throws IOException {
    return request("GET", path);
  }

  /** A raw request, so that the path reaches the server exactly as written. */
  private static Response request(String method, String path) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          (method
                  + " "
                  + path
                  + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int status = Integer.parseInt(response.substring(9, 12));
      int bodyStart = response.indexOf("\r\n\r\n");
      return new Response(status, bodyStart < 0 ? "" : response.substring(bodyStart + 4));
    }
  }
}
