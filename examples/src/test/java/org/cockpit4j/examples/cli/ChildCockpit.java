package org.cockpit4j.examples.cli;

import java.io.IOException;
import java.nio.file.Path;

/** {@code cockpit run} in a child JVM, for tests that kill a real run. */
final class ChildCockpit {
  private ChildCockpit() {}

  /**
   * Starts {@code cockpit run FILE --out OUT --quiet} in a child JVM with this test's class path,
   * its output (standard error included) going to {@code console}.
   */
  static Process startRun(Path file, Path out, Path console) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            java.toString(),
            "--add-modules",
            "jdk.incubator.vector",
            "-Xmx512m",
            "-cp",
            System.getProperty("java.class.path"),
            CockpitCli.class.getName(),
            "run",
            file.toString(),
            "--out",
            out.toString(),
            "--quiet")
        .redirectErrorStream(true)
        .redirectOutput(console.toFile())
        .start();
  }
}
