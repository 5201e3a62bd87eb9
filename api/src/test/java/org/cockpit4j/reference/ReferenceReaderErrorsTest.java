package org.cockpit4j.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.cockpit4j.tensor.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceReaderErrorsTest {
  @TempDir Path directory;

  private Path write(String name, String content) throws Exception {
    Path file = directory.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  private ReferenceFormatException broken(Consumer<ObjectNode> damage) throws Exception {
    ObjectNode document = TinyCase.document();
    damage.accept(document);
    Path file = write("tiny.json", document.toString());
    return assertThrows(ReferenceFormatException.class, () -> ReferenceReader.read(file));
  }

  private static ObjectNode step(ObjectNode document, int k) {
    return (ObjectNode) document.get("steps").get(k);
  }

  private static void assertMessage(ReferenceFormatException e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "'" + part + "' missing in: " + e.getMessage());
    }
  }

  @Test
  void theTinyCaseIsValid() throws Exception {
    ReferenceCase tiny = ReferenceReader.read(write("tiny.json", TinyCase.document().toString()));
    assertEquals("tiny", tiny.name());
    assertEquals(6, tiny.parameterCount());
    assertEquals(List.of("Loss"), tiny.quantityNames());
    assertEquals("sgd_gradient", tiny.alphaUpdateDirection());
    assertNull(tiny.step(1).targets());
    assertNull(tiny.step(1).optimizerStateAfterUpdate());
    assertEquals(Shape.of(2, 2, 2), tiny.step(1).backpack("batch_grad").get(0).shape());
    assertEquals(2, tiny.model().layers().get(0).integer("out"));
  }

  @Test
  void truncatedTensorDataNamesItsPathAndTheCounts() throws Exception {
    ReferenceFormatException e =
        broken(
            document -> {
              ArrayNode data =
                  (ArrayNode) step(document, 1).get("backpack").get("grad").get(1).get("data");
              data.remove(1);
            });
    assertMessage(e, "tiny.json", "steps[1].backpack.grad[1].data", "2 numbers", "found 1");
    assertEquals("steps[1].backpack.grad[1].data", e.jsonPath());
  }

  @Test
  void aWordWhereANumberBelongsIsNamedWithItsIndex() throws Exception {
    ReferenceFormatException e =
        broken(
            document -> ((ArrayNode) step(document, 0).get("inputs").get("data")).set(2, "three"));
    assertMessage(e, "steps[0].inputs.data[2]", "expected a number", "\"three\"");
  }

  @Test
  void nonFiniteStringsAreNumbers() throws Exception {
    ObjectNode document = TinyCase.document();
    ArrayNode data = (ArrayNode) step(document, 0).get("inputs").get("data");
    data.set(0, "NaN");
    data.set(1, "Infinity");
    data.set(2, "-Infinity");
    ((ObjectNode) step(document, 0).get("forward")).put("loss", "NaN");
    ReferenceCase tiny = ReferenceReader.read(write("tiny.json", document.toString()));
    double[] inputs = tiny.step(0).inputs().data();
    assertTrue(Double.isNaN(inputs[0]));
    assertEquals(Double.POSITIVE_INFINITY, inputs[1]);
    assertEquals(Double.NEGATIVE_INFINITY, inputs[2]);
    assertTrue(Double.isNaN(tiny.step(0).forward().loss()));
  }

  @Test
  void missingKeysAreListedWithTheKeysPresent() throws Exception {
    ReferenceFormatException e = broken(document -> document.remove("batch_size"));
    assertMessage(e, "at batch_size", "missing required key 'batch_size'", "num_steps");
    ReferenceFormatException hessian =
        broken(document -> ((ObjectNode) step(document, 1).get("hessian")).remove("trace"));
    assertMessage(hessian, "steps[1].hessian.trace", "missing");
  }

  @Test
  void wrongShapesCountsAndTypesAreExplained() throws Exception {
    assertMessage(
        broken(
            document ->
                ((ObjectNode) step(document, 0).get("backpack").get("batch_grad").get(1))
                    .set("shape", JsonValues.toJson(new int[] {4}))),
        "steps[0].backpack.batch_grad[1].shape",
        "expected shape [2, 2] ([N] + shape of 0.bias)",
        "found [4]");
    assertMessage(
        broken(document -> ((ArrayNode) step(document, 0).get("params")).remove(1)),
        "steps[0].params",
        "expected 2 entries");
    assertMessage(
        broken(document -> ((ArrayNode) document.get("steps")).remove(1)),
        "at steps:",
        "num_steps");
    assertMessage(
        broken(document -> ((ArrayNode) step(document, 0).get("labels")).set(0, 7)),
        "steps[0].labels[0]",
        "class index in [0, 2)");
    assertMessage(
        broken(document -> ((ObjectNode) document.get("optimizer")).put("type", "rmsprop")),
        "optimizer.type",
        "\"sgd\", \"adam\"",
        "rmsprop");
    assertMessage(
        broken(document -> step(document, 1).put("global_step", 5)),
        "steps[1].global_step",
        "global_step 1");
    assertMessage(
        broken(document -> ((ObjectNode) document.get("parameters").get(1)).put("numel", 3)),
        "parameters[1].numel",
        "prod(shape [2]) = 2");
  }

  @Test
  void layerAccessorsFailWithTheFieldPath() throws Exception {
    ObjectNode document = TinyCase.document();
    ((ObjectNode) document.get("model").get("layers").get(0)).put("in", "two");
    ReferenceCase tiny = ReferenceReader.read(write("tiny.json", document.toString()));
    LayerSpec layer = tiny.model().layers().get(0);
    ReferenceFormatException wrongType =
        assertThrows(ReferenceFormatException.class, () -> layer.integer("in"));
    assertMessage(wrongType, "tiny.json", "model.layers[0].in", "an integer", "\"two\"");
    ReferenceFormatException missing =
        assertThrows(ReferenceFormatException.class, () -> layer.intList("kernel_size"));
    assertMessage(missing, "model.layers[0].kernel_size", "layer 'linear' has no field");
    assertTrue(layer.bool("bias", false));
    assertEquals(0.01, layer.number("negative_slope", 0.01));
  }

  @Test
  void invalidJsonAndMissingFilesNameTheFile() throws Exception {
    Path file = write("broken.json", "{\"format_version\": 1, \"case\": ");
    ReferenceFormatException syntax =
        assertThrows(ReferenceFormatException.class, () -> ReferenceReader.read(file));
    assertMessage(syntax, "broken.json", "not valid JSON", "line 1");
    Path absent = directory.resolve("absent.json");
    ReferenceFormatException missing =
        assertThrows(ReferenceFormatException.class, () -> ReferenceReader.read(absent));
    assertMessage(missing, "absent.json", "does not exist");
    Path array = write("array.json", "[1, 2]");
    assertMessage(
        assertThrows(ReferenceFormatException.class, () -> ReferenceReader.read(array)),
        "array.json",
        "expected an object",
        "an array of 2 elements");
  }

  @Test
  void unknownFormatVersionIsRefused() throws Exception {
    assertMessage(
        broken(document -> document.put("format_version", 2)),
        "format_version",
        "format_version 1");
  }
}
