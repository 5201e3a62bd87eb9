package org.cockpit4j.examples.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.cockpit4j.examples.experiment.plugin.PluginCatalog;
import org.cockpit4j.examples.experiment.plugin.PluginException;
import org.cockpit4j.examples.experiment.run.RunResult;
import org.cockpit4j.examples.experiment.run.RunSettings;
import org.cockpit4j.quantity.QuantityProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins found in a directory of jars: each jar built here from source with the JDK's compiler (so
 * its classes are not on the test class path), then discovered, required, used in a run, and
 * checked for conflicts.
 */
class PluginDirectoryTest {
  @TempDir static Path build;

  private static Path answerJar;
  private static Path rivalJar;
  private static Path classPathJar;

  @BeforeAll
  static void buildJars() throws Exception {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    assumeTrue(compiler != null, "a JDK compiler is needed to build the test plugins");
    answerJar = jar("answer-quantity-1.2.jar", "answer", compiler);
    rivalJar = jar("rival-quantity-0.1.jar", "rival", compiler);
    classPathJar = build.resolve("builtins-again.jar");
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(classPathJar))) {
      jar.putNextEntry(new JarEntry("META-INF/services/" + QuantityProvider.class.getName()));
      jar.write("org.cockpit4j.quantities.BuiltInQuantities\n".getBytes(StandardCharsets.UTF_8));
    }
  }

  /** A jar with a provider of the quantity {@code Answer} (always 42) in package {@code pkg}. */
  private static Path jar(String name, String pkg, JavaCompiler compiler) throws Exception {
    Path sources = Files.createDirectories(build.resolve(pkg + "-src/" + pkg));
    Path classes = Files.createDirectories(build.resolve(pkg + "-classes"));
    Path source = sources.resolve("AnswerProvider.java");
    Files.writeString(
        source,
        "package "
            + pkg
            + ";\n"
            + "import java.util.Map;\n"
            + "import java.util.Set;\n"
            + "import org.cockpit4j.quantity.*;\n"
            + "public final class AnswerProvider implements QuantityProvider {\n"
            + "  public Set<String> names() { return Set.of(\"Answer\"); }\n"
            + "  public Quantity create(String name, Schedule schedule, Map<String, Object> o) {\n"
            + "    return new ByproductQuantity(schedule) {\n"
            + "      @Override public String name() { return \"Answer\"; }\n"
            + "      @Override protected Object compute(TrackedStep step) { return 42.0; }\n"
            + "    };\n"
            + "  }\n"
            + "}\n");
    String api =
        Path.of(
                QuantityProvider.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI()
                    .getPath())
            .toString();
    int status =
        compiler.run(
            null,
            OutputStream.nullOutputStream(),
            System.err,
            "-classpath",
            api,
            "-d",
            classes.toString(),
            source.toString());
    if (status != 0) {
      throw new IllegalStateException("compiling the test plugin failed");
    }
    Path directory = Files.createDirectories(build.resolve(pkg + "-jar"));
    Path jar = directory.resolve(name);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(file));
      }
      out.putNextEntry(new JarEntry("META-INF/services/" + QuantityProvider.class.getName()));
      out.write((pkg + ".AnswerProvider\n").getBytes(StandardCharsets.UTF_8));
    }
    return jar;
  }

  private static Path directoryWith(Path... jars) throws IOException {
    Path directory = Files.createTempDirectory(build, "plugins");
    for (Path jar : jars) {
      Files.copy(jar, directory.resolve(jar.getFileName()));
    }
    return directory;
  }

  @Test
  void aJarInThePluginsDirectoryProvidesItsQuantity() throws IOException {
    PluginCatalog catalog = PluginCatalog.discover(directoryWith(answerJar));
    assertTrue(catalog.quantities().containsKey("Answer"));
    assertTrue(catalog.quantities().containsKey("Alpha"), "the class path stays");
    assertEquals("answer-quantity", catalog.jars().get(0).name());
    assertEquals(List.of("quantity Answer"), catalog.jars().get(0).provides());
    assertEquals(64, catalog.jars().get(0).sha256().length());
    assertTrue(
        catalog.quantities().get("Answer").origin().location().endsWith("answer-quantity-1.2.jar"));
    catalog.require(List.of("answer-quantity", "cockpit4j-quantities"));
  }

  @Test
  void aRequiredPluginThatIsMissingFailsListingWhatWasFound() throws IOException {
    PluginCatalog catalog = PluginCatalog.discover(directoryWith(answerJar));
    PluginException error =
        assertThrows(PluginException.class, () -> catalog.require(List.of("answer-quantiy")));
    assertTrue(
        error.getMessage().contains("'answer-quantiy', which was not found"), error.getMessage());
    assertTrue(error.getMessage().contains("Found: "), error.getMessage());
    assertTrue(error.getMessage().contains("answer-quantity"), error.getMessage());
  }

  @Test
  void twoPluginsClaimingOneNameFailNamingBothJars() throws IOException {
    Path directory = directoryWith(answerJar, rivalJar);
    PluginException error =
        assertThrows(PluginException.class, () -> PluginCatalog.discover(directory));
    assertTrue(error.getMessage().contains("quantity name 'Answer'"), error.getMessage());
    assertTrue(error.getMessage().contains("answer-quantity-1.2.jar"), error.getMessage());
    assertTrue(error.getMessage().contains("rival-quantity-0.1.jar"), error.getMessage());
  }

  @Test
  void aJarRepeatingClassPathProvidersCountsOnce() throws IOException {
    PluginCatalog catalog = PluginCatalog.discover(directoryWith(classPathJar));
    assertEquals(List.of(), catalog.jars().get(0).provides());
    assertTrue(catalog.quantities().containsKey("Alpha"));
  }

  @Test
  void anExperimentUsesThePluginQuantityFromTheDirectory(@TempDir Path out) throws IOException {
    Path directory = directoryWith(answerJar);
    Path file = out.resolve("answer.yaml");
    Files.writeString(
        file,
        """
        data:
          dataset: {type: class_templates}
          batch_size: 8
        model:
          layers: [{type: flatten}, {type: linear, in: 64, out: 4}]
        loss: cross_entropy
        optimizer: {type: sgd, lr: 0.1}
        training: {steps: 3}
        cockpit:
          quantities: [{type: Answer}]
        plugins:
          directory: %s
          require: [answer-quantity]
        output: {directory: %s}
        """
            .formatted(directory, out.resolve("run")));
    RunResult result = ExperimentRunner.run(file, List.of(), null, RunSettings.quiet()).get(0);
    assertEquals(42.0, result.log().get(2, "Answer"));
    String provenance = Files.readString(out.resolve("run/provenance.json"));
    assertTrue(provenance.contains("answer-quantity-1.2.jar"), provenance);
  }
}
