package org.cockpit4j.examples.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import org.cockpit4j.data.ArrayDataset;
import org.cockpit4j.examples.data.FashionMnist.Split;
import org.cockpit4j.tensor.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistTest {
  @TempDir Path root;

  /** A directory with a tiny, valid test split (3 images of 28×28, gzip) and given labels. */
  private Path tinySplit(String name, int... labels) throws Exception {
    Path directory = root.resolve(name);
    IdxFiles.write(
        directory.resolve("t10k-images-idx3-ubyte.gz"), IdxFiles.images(labels.length, 28, 28, 0));
    IdxFiles.write(directory.resolve("t10k-labels-idx1-ubyte"), IdxFiles.labels(labels));
    return directory;
  }

  private static void assertMessage(Exception e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "'" + part + "' missing in: " + e.getMessage());
    }
  }

  @Test
  void loadsFromTheGivenDirectory() throws Exception {
    Path directory = tinySplit("given", 3, 1, 4);
    ArrayDataset dataset =
        FashionMnist.load(Split.TEST, directory, PixelScale.UNIT, null, List.of());
    assertEquals(3, dataset.size());
    assertEquals(Shape.of(1, 28, 28), dataset.inputShape());
    assertEquals(4, dataset.label(2));
    assertEquals(1.0 / 255, dataset.input(0)[1]);
    ArrayDataset raw = FashionMnist.load(Split.TEST, directory, PixelScale.RAW, null, List.of());
    assertEquals(1.0, raw.input(0)[1]);
  }

  @Test
  void searchesTheEnvironmentBeforeTheKnownDirectories() throws Exception {
    Path fromEnvironment = tinySplit("env", 1);
    Path known = tinySplit("known", 2, 2);
    ArrayDataset dataset =
        FashionMnist.load(
            Split.TEST, null, PixelScale.UNIT, fromEnvironment.toString(), List.of(known));
    assertEquals(1, dataset.size());
    ArrayDataset fallback =
        FashionMnist.load(
            Split.TEST,
            null,
            PixelScale.UNIT,
            root.resolve("nowhere").toString(),
            List.of(root.resolve("empty-known"), known));
    assertEquals(2, fallback.size());
  }

  @Test
  void nothingFoundListsEveryPathAndHowToGetTheData() throws Exception {
    Files.createDirectories(root.resolve("empty"));
    DataUnavailableException e =
        assertThrows(
            DataUnavailableException.class,
            () ->
                FashionMnist.load(
                    Split.TRAIN,
                    null,
                    PixelScale.UNIT,
                    root.resolve("from-env").toString(),
                    List.of(root.resolve("empty"), root.resolve("debian"))));
    assertMessage(
        e,
        "train split",
        root.resolve("from-env") + ": does not exist",
        root.resolve("empty") + ": no train-images-idx3-ubyte[.gz]",
        root.resolve("debian") + ": does not exist",
        "apt-get install dataset-fashion-mnist",
        "--data DIR");
    DataUnavailableException unset =
        assertThrows(
            DataUnavailableException.class,
            () -> FashionMnist.load(Split.TEST, null, PixelScale.UNIT, null, List.of()));
    assertMessage(unset, "$" + FashionMnist.ENVIRONMENT + ": not set");
    DataUnavailableException given =
        assertThrows(
            DataUnavailableException.class,
            () ->
                FashionMnist.load(
                    Split.TEST, root.resolve("typo"), PixelScale.UNIT, null, List.of()));
    assertMessage(given, "given directory " + root.resolve("typo") + ": does not exist");
  }

  @Test
  void corruptOrIncompleteFilesStopTheSearchWithTheProblem() throws Exception {
    Path mismatch = tinySplit("mismatch", 1, 2);
    IdxFiles.write(mismatch.resolve("t10k-labels-idx1-ubyte"), IdxFiles.labels(1, 2, 3));
    IdxFiles.write(mismatch.resolve("t10k-images-idx3-ubyte.gz"), IdxFiles.images(2, 28, 28, 0));
    Path good = tinySplit("good", 1);
    assertMessage(
        assertThrows(
            DataUnavailableException.class,
            () -> FashionMnist.load(Split.TEST, mismatch, PixelScale.UNIT, null, List.of(good))),
        "3 labels but t10k-images-idx3-ubyte.gz has 2 images",
        "apt-get install dataset-fashion-mnist");
    Path incomplete = root.resolve("incomplete");
    IdxFiles.write(incomplete.resolve("t10k-labels-idx1-ubyte.gz"), IdxFiles.labels(1));
    assertMessage(
        assertThrows(
            DataUnavailableException.class,
            () -> FashionMnist.load(Split.TEST, incomplete, PixelScale.UNIT, null, List.of())),
        "t10k-images-idx3-ubyte[.gz] is missing");
    Path badMagic = root.resolve("bad-magic");
    IdxFiles.write(badMagic.resolve("t10k-images-idx3-ubyte"), IdxFiles.labels(1));
    IdxFiles.write(badMagic.resolve("t10k-labels-idx1-ubyte"), IdxFiles.labels(1));
    assertMessage(
        assertThrows(
            DataUnavailableException.class,
            () -> FashionMnist.load(Split.TEST, badMagic, PixelScale.UNIT, null, List.of())),
        "t10k-images-idx3-ubyte: bad magic number");
    Path wrongSize = root.resolve("wrong-size");
    IdxFiles.write(wrongSize.resolve("t10k-images-idx3-ubyte"), IdxFiles.images(1, 4, 4, 0));
    IdxFiles.write(wrongSize.resolve("t10k-labels-idx1-ubyte"), IdxFiles.labels(1));
    assertMessage(
        assertThrows(
            DataUnavailableException.class,
            () -> FashionMnist.load(Split.TEST, wrongSize, PixelScale.UNIT, null, List.of())),
        "4x4, expected 28x28");
  }

  @Test
  void splitsParse() {
    assertEquals(Split.TEST, Split.parse("t10k"));
    assertEquals(Split.TEST, Split.parse("Test"));
    assertEquals(Split.TRAIN, Split.parse("train"));
    assertThrows(IllegalArgumentException.class, () -> Split.parse("valid"));
  }

  /** The files of Debian's dataset-fashion-mnist package, when installed. */
  @Test
  void loadsTheDebianFilesWhenInstalled() {
    Path debian = Paths.get(FashionMnist.DEBIAN_DIRECTORY);
    assumeTrue(
        Files.isRegularFile(debian.resolve("t10k-images-idx3-ubyte.gz")),
        "dataset-fashion-mnist is not installed");
    ArrayDataset test = FashionMnist.load(Split.TEST, debian);
    assertEquals(10_000, test.size());
    assertEquals(Shape.of(1, 28, 28), test.inputShape());
    int[] counts = new int[FashionMnist.CLASSES];
    double max = 0;
    for (int n = 0; n < test.size(); n++) {
      counts[test.label(n)]++;
      max = Math.max(max, Arrays.stream(test.input(n)).max().orElseThrow());
    }
    for (int count : counts) {
      assertEquals(1000, count, "the test split is balanced");
    }
    assertEquals(1.0, max);
    assertEquals(9, test.label(0), "the first test image is an ankle boot");
    assertEquals(
        List.of(IdxReader.IMAGES_MAGIC, 60_000, 28, 28),
        Arrays.stream(IdxReader.readHeader(debian.resolve("train-images-idx3-ubyte.gz")))
            .boxed()
            .toList());
    assertEquals(60_000, IdxReader.readHeader(debian.resolve("train-labels-idx1-ubyte.gz"))[1]);
  }
}
