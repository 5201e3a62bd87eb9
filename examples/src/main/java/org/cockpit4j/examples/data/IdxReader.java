package org.cockpit4j.examples.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.cockpit4j.data.ArrayDataset;
import org.cockpit4j.tensor.Shape;

/**
 * Reads IDX files, the format of (Fashion-)MNIST: a big-endian header (magic number, then one
 * 32-bit extent per dimension) followed by the unsigned bytes. Files may be gzip-compressed
 * (detected from the content, not the name). Images have magic {@code 0x00000803} and extents
 * {@code count, rows, columns}; labels have magic {@code 0x00000801} and extent {@code count}.
 * Every problem is an {@link IdxFormatException} naming the file.
 */
public final class IdxReader {
  /** Magic number of an unsigned-byte 3-D file (images). */
  public static final int IMAGES_MAGIC = 0x00000803;

  /** Magic number of an unsigned-byte 1-D file (labels). */
  public static final int LABELS_MAGIC = 0x00000801;

  private IdxReader() {}

  /** Reads an image file. */
  public static IdxImages readImages(Path file) {
    return read(
        file,
        input -> {
          int[] extents = header(file, input, IMAGES_MAGIC, 3, "images (idx3-ubyte)");
          long size = (long) extents[0] * extents[1] * extents[2];
          byte[] pixels = body(file, input, size, 16, "pixel");
          return new IdxImages(extents[0], extents[1], extents[2], pixels);
        });
  }

  /** Reads a label file; labels are 0..255. */
  public static int[] readLabels(Path file) {
    return read(
        file,
        input -> {
          int[] extents = header(file, input, LABELS_MAGIC, 1, "labels (idx1-ubyte)");
          byte[] bytes = body(file, input, extents[0], 8, "label");
          int[] labels = new int[bytes.length];
          for (int i = 0; i < labels.length; i++) {
            labels[i] = bytes[i] & 0xFF;
          }
          return labels;
        });
  }

  /**
   * Reads only the header of an image or label file: its magic number followed by its extents
   * (cheap, even for a large gzip file).
   */
  public static int[] readHeader(Path file) {
    return read(
        file,
        input -> {
          int magic = readInt(file, input, "the magic number");
          if (magic != IMAGES_MAGIC && magic != LABELS_MAGIC) {
            throw badMagic(file, magic, "0x00000803 (images) or 0x00000801 (labels)");
          }
          int[] header = new int[1 + (magic & 0xFF)];
          header[0] = magic;
          for (int i = 1; i < header.length; i++) {
            header[i] = readExtent(file, input, i - 1);
          }
          return header;
        });
  }

  /**
   * Reads an image and a label file into a classification dataset of shape {@code [1, rows,
   * columns]}; fails when the counts differ or a label is not below {@code classes}.
   */
  public static ArrayDataset readDataset(
      Path imagesFile, Path labelsFile, int classes, PixelScale scale) {
    IdxImages images = readImages(imagesFile);
    int[] labels = readLabels(labelsFile);
    if (labels.length != images.count()) {
      throw new IdxFormatException(
          labelsFile,
          "has "
              + labels.length
              + " labels but "
              + imagesFile.getFileName()
              + " has "
              + images.count()
              + " images; the two files must come from the same split");
    }
    double[] targets = new double[labels.length];
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] >= classes) {
        throw new IdxFormatException(
            labelsFile,
            "label " + i + " is " + labels[i] + ", not a class in [0, " + classes + ")");
      }
      targets[i] = labels[i];
    }
    byte[] pixels = images.pixels();
    double[] inputs = new double[pixels.length];
    for (int i = 0; i < pixels.length; i++) {
      inputs[i] = scale.apply(pixels[i] & 0xFF);
    }
    return ArrayDataset.adopt(
        inputs, Shape.of(1, images.rows(), images.columns()), targets, Shape.scalar(), classes);
  }

  private interface Body<T> {
    T read(DataInputStream input) throws IOException;
  }

  private static <T> T read(Path file, Body<T> body) {
    try (DataInputStream input = new DataInputStream(open(file))) {
      return body.read(input);
    } catch (NoSuchFileException e) {
      throw new IdxFormatException(file, "the file does not exist", e);
    } catch (ZipException e) {
      throw new IdxFormatException(file, "corrupt gzip data (" + e.getMessage() + ")", e);
    } catch (EOFException e) {
      throw new IdxFormatException(file, "truncated: the file ends inside its data", e);
    } catch (IOException e) {
      throw new IdxFormatException(file, "cannot be read: " + e, e);
    }
  }

  private static InputStream open(Path file) throws IOException {
    BufferedInputStream input = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    input.mark(2);
    int first = input.read();
    int second = input.read();
    input.reset();
    if (first == 0x1f && second == 0x8b) {
      return new BufferedInputStream(new GZIPInputStream(input, 1 << 16), 1 << 16);
    }
    return input;
  }

  private static int[] header(
      Path file, DataInputStream input, int expectedMagic, int rank, String kind)
      throws IOException {
    int magic = readInt(file, input, "the magic number");
    if (magic != expectedMagic) {
      throw badMagic(file, magic, String.format("0x%08x for %s", expectedMagic, kind));
    }
    int[] extents = new int[rank];
    for (int i = 0; i < rank; i++) {
      extents[i] = readExtent(file, input, i);
    }
    return extents;
  }

  private static IdxFormatException badMagic(Path file, int magic, String expected) {
    return new IdxFormatException(
        file, String.format("bad magic number 0x%08x, expected %s", magic, expected));
  }

  private static int readExtent(Path file, DataInputStream input, int axis) throws IOException {
    int extent = readInt(file, input, "extent " + axis + " of the header");
    if (extent < 0) {
      throw new IdxFormatException(file, "negative extent " + extent + " in the header");
    }
    return extent;
  }

  private static int readInt(Path file, DataInputStream input, String what) throws IOException {
    try {
      return input.readInt();
    } catch (EOFException e) {
      throw new IdxFormatException(file, "truncated: the file ends before " + what, e);
    }
  }

  private static byte[] body(
      Path file, DataInputStream input, long size, int headerBytes, String what)
      throws IOException {
    if (size > Integer.MAX_VALUE - 8) {
      throw new IdxFormatException(file, "header announces " + size + " " + what + "s: too many");
    }
    byte[] data = new byte[(int) size];
    int read = input.readNBytes(data, 0, data.length);
    if (read < data.length) {
      throw new IdxFormatException(
          file,
          "truncated: the header announces "
              + size
              + " "
              + what
              + " bytes after the "
              + headerBytes
              + "-byte header, found "
              + read);
    }
    if (input.read() >= 0) {
      throw new IdxFormatException(
          file,
          "has more bytes than its header announces ("
              + size
              + " "
              + what
              + " bytes); header and data do not match");
    }
    return data;
  }
}
