package org.cockpit4j.examples.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes tiny IDX files for tests. */
final class IdxFiles {
  private IdxFiles() {}

  /** The bytes of an image file: {@code count} images whose pixel k is {@code (seed + k) % 256}. */
  static byte[] images(int count, int rows, int columns, int seed) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream output = new DataOutputStream(bytes);
    output.writeInt(IdxReader.IMAGES_MAGIC);
    output.writeInt(count);
    output.writeInt(rows);
    output.writeInt(columns);
    for (int k = 0; k < count * rows * columns; k++) {
      output.writeByte((seed + k) % 256);
    }
    return bytes.toByteArray();
  }

  /** The bytes of a label file. */
  static byte[] labels(int... labels) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream output = new DataOutputStream(bytes);
    output.writeInt(IdxReader.LABELS_MAGIC);
    output.writeInt(labels.length);
    for (int label : labels) {
      output.writeByte(label);
    }
    return bytes.toByteArray();
  }

  /** Writes {@code content}, gzip-compressed when the name ends with {@code .gz}. */
  static Path write(Path file, byte[] content) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (OutputStream output = Files.newOutputStream(file)) {
      if (file.getFileName().toString().endsWith(".gz")) {
        try (GZIPOutputStream gzip = new GZIPOutputStream(output)) {
          gzip.write(content);
        }
      } else {
        output.write(content);
      }
    }
    return file;
  }
}
