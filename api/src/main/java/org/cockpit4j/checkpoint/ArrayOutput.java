package org.cockpit4j.checkpoint;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32;

/**
 * The binary part of a state: arrays appended as raw little-endian values to one stream, each
 * described in the JSON part by {@code {"dtype", "shape", "offset"}} (offset in bytes).
 */
final class ArrayOutput {
  static final String FLOAT64 = "float64";
  static final String FLOAT32 = "float32";
  static final String INT64 = "int64";

  private final OutputStream out;
  private final CRC32 checksum = new CRC32();
  private final ByteBuffer chunk = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
  private long offset;

  ArrayOutput(OutputStream out) {
    this.out = out;
  }

  /** Bytes written so far. */
  long size() {
    return offset;
  }

  /** CRC-32 of the bytes written so far (after {@link #flush}). */
  long checksum() {
    return checksum.getValue();
  }

  ObjectNode doubles(double[] values, int[] shape) {
    ObjectNode descriptor = descriptor(FLOAT64, shape);
    for (double value : values) {
      room(8);
      chunk.putDouble(value);
    }
    offset += 8L * values.length;
    return descriptor;
  }

  ObjectNode floats(float[] values, int[] shape) {
    ObjectNode descriptor = descriptor(FLOAT32, shape);
    for (float value : values) {
      room(4);
      chunk.putFloat(value);
    }
    offset += 4L * values.length;
    return descriptor;
  }

  ObjectNode longs(long[] values, int[] shape) {
    ObjectNode descriptor = descriptor(INT64, shape);
    for (long value : values) {
      room(8);
      chunk.putLong(value);
    }
    offset += 8L * values.length;
    return descriptor;
  }

  private ObjectNode descriptor(String dtype, int[] shape) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("dtype", dtype);
    var dims = node.putArray("shape");
    for (int extent : shape) {
      dims.add(extent);
    }
    node.put("offset", offset);
    return node;
  }

  private void room(int bytes) {
    if (chunk.remaining() < bytes) {
      drain();
    }
  }

  private void drain() {
    try {
      out.write(chunk.array(), 0, chunk.position());
      checksum.update(chunk.array(), 0, chunk.position());
      chunk.clear();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write checkpoint arrays", e);
    }
  }

  /** Writes what is buffered to the stream. */
  void flush() {
    drain();
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write checkpoint arrays", e);
    }
  }
}
