package org.cockpit4j.examples.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.cockpit4j.data.ArrayDataset;
import org.cockpit4j.tensor.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
  @TempDir Path directory;

  private static void assertMessage(Exception e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "'" + part + "' missing in: " + e.getMessage());
    }
  }

  @Test
  void readsGzipAndPlainFilesAlike() throws Exception {
    byte[] content = IdxFiles.images(2, 3, 4, 250);
    Path gzip = IdxFiles.write(directory.resolve("images.gz"), content);
    Path plain = IdxFiles.write(directory.resolve("images"), content);
    Path gzipWithoutSuffix = directory.resolve("images-gz-content");
    Files.copy(gzip, gzipWithoutSuffix);
    for (Path file : new Path[] {gzip, plain, gzipWithoutSuffix}) {
      IdxImages images = IdxReader.readImages(file);
      assertEquals(2, images.count());
      assertEquals(3, images.rows());
      assertEquals(4, images.columns());
      assertEquals(250, images.pixel(0, 0, 0));
      assertEquals(0, images.pixel(0, 1, 2)); // k = 6: (250 + 6) % 256
      assertEquals((250 + 23) % 256, images.pixel(1, 2, 3));
    }
    assertArrayEquals(new int[] {IdxReader.IMAGES_MAGIC, 2, 3, 4}, IdxReader.readHeader(gzip));
    Path labels = IdxFiles.write(directory.resolve("labels.gz"), IdxFiles.labels(7, 0));
    assertArrayEquals(new int[] {7, 0}, IdxReader.readLabels(labels));
    assertArrayEquals(new int[] {IdxReader.LABELS_MAGIC, 2}, IdxReader.readHeader(labels));
  }

  @Test
  void buildsDatasetsScaledOrRaw() throws Exception {
    Path images = IdxFiles.write(directory.resolve("i"), IdxFiles.images(2, 2, 2, 253));
    Path labels = IdxFiles.write(directory.resolve("l"), IdxFiles.labels(1, 2));
    ArrayDataset unit = IdxReader.readDataset(images, labels, 3, PixelScale.UNIT);
    assertEquals(Shape.of(1, 2, 2), unit.inputShape());
    assertEquals(3, unit.classes());
    assertArrayEquals(new double[] {253 / 255.0, 254 / 255.0, 1.0, 0.0}, unit.input(0));
    assertEquals(2, unit.label(1));
    ArrayDataset raw = IdxReader.readDataset(images, labels, 3, PixelScale.RAW);
    assertArrayEquals(new double[] {253, 254, 255, 0}, raw.input(0));
    assertTrue(Arrays.stream(unit.input(1)).allMatch(v -> v >= 0 && v <= 1));
  }

  @Test
  void badMagicIsNamed() throws Exception {
    Path labelsAsImages = IdxFiles.write(directory.resolve("x.gz"), IdxFiles.labels(1, 2));
    IdxFormatException e =
        assertThrows(IdxFormatException.class, () -> IdxReader.readImages(labelsAsImages));
    assertMessage(e, "x.gz", "bad magic number 0x00000801", "expected 0x00000803 for images");
    Path text = IdxFiles.write(directory.resolve("text"), "hello world, not idx".getBytes());
    assertMessage(
        assertThrows(IdxFormatException.class, () -> IdxReader.readHeader(text)),
        "bad magic number 0x68656c6c");
  }

  @Test
  void truncatedAndOverlongFilesAreNamed() throws Exception {
    byte[] content = IdxFiles.images(3, 2, 2, 0);
    Path cut = IdxFiles.write(directory.resolve("cut"), Arrays.copyOf(content, 20));
    assertMessage(
        assertThrows(IdxFormatException.class, () -> IdxReader.readImages(cut)),
        "cut",
        "truncated",
        "12 pixel bytes",
        "found 4");
    Path cutGzip = IdxFiles.write(directory.resolve("cut.gz"), Arrays.copyOf(content, 20));
    assertMessage(
        assertThrows(IdxFormatException.class, () -> IdxReader.readImages(cutGzip)), "truncated");
    Path headerOnly = IdxFiles.write(directory.resolve("short"), Arrays.copyOf(content, 6));
    assertMessage(
        assertThrows(IdxFormatException.class, () -> IdxReader.readImages(headerOnly)),
        "truncated: the file ends before extent 0");
    Path longer = IdxFiles.write(directory.resolve("long"), Arrays.copyOf(content, 30));
    assertMessage(
        assertThrows(IdxFormatException.class, () -> IdxReader.readImages(longer)),
        "more bytes than its header announces");
    byte[] gzip = Files.readAllBytes(IdxFiles.write(directory.resolve("ok.gz"), content));
    Path brokenGzip = directory.resolve("broken.gz");
    Files.write(brokenGzip, Arrays.copyOf(gzip, gzip.length / 2));
    assertThrows(IdxFormatException.class, () -> IdxReader.readImages(brokenGzip));
    gzip[12] ^= 0x55;
    Path corruptGzip = directory.resolve("corrupt.gz");
    Files.write(corruptGzip, gzip);
    assertThrows(IdxFormatException.class, () -> IdxReader.readImages(corruptGzip));
    assertMessage(
        assertThrows(
            IdxFormatException.class, () -> IdxReader.readLabels(directory.resolve("absent"))),
        "absent",
        "does not exist");
  }

  @Test
  void countMismatchAndBadLabelsAreNamed() throws Exception {
    Path images = IdxFiles.write(directory.resolve("i"), IdxFiles.images(3, 2, 2, 0));
    Path twoLabels = IdxFiles.write(directory.resolve("l2"), IdxFiles.labels(1, 2));
    assertMessage(
        assertThrows(
            IdxFormatException.class,
            () -> IdxReader.readDataset(images, twoLabels, 10, PixelScale.UNIT)),
        "l2",
        "2 labels but i has 3 images");
    Path badLabel = IdxFiles.write(directory.resolve("l3"), IdxFiles.labels(1, 12, 2));
    assertMessage(
        assertThrows(
            IdxFormatException.class,
            () -> IdxReader.readDataset(images, badLabel, 10, PixelScale.UNIT)),
        "label 1 is 12");
  }
}
