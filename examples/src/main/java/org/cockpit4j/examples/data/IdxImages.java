package org.cockpit4j.examples.data;

/**
 * The contents of an IDX image file ({@code idx3-ubyte}): {@code count} images of {@code rows ×
 * columns} unsigned bytes, image after image, row-major.
 *
 * @param count number of images
 * @param rows image height
 * @param columns image width
 * @param pixels {@code count · rows · columns} bytes (read them with {@code & 0xFF})
 */
public record IdxImages(int count, int rows, int columns, byte[] pixels) {

  /** Checks that the pixels fill the header's extents. */
  public IdxImages {
    if ((long) count * rows * columns != pixels.length) {
      throw new IllegalArgumentException(
          pixels.length + " pixels do not fill " + count + " images of " + rows + "x" + columns);
    }
  }

  /** Pixel {@code (row, column)} of image {@code index}, 0..255. */
  public int pixel(int index, int row, int column) {
    return pixels[(index * rows + row) * columns + column] & 0xFF;
  }
}
