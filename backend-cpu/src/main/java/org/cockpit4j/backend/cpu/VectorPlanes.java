package org.cockpit4j.backend.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.cockpit4j.backend.ConvGeometry;

/**
 * Vector API im2col and col2im of one float32 plane for stride 1 without dilation (the common
 * "same" convolutions). Both go through a zero-padded copy of the plane, so that every row of the
 * unfolded plane is a contiguous run of it: im2col copies whole vectors, letting each one run past
 * its row into the next (written later anyway, never past the plane), and col2im adds whole vectors
 * whose lanes past the row are zeroed. Loaded only when {@code jdk.incubator.vector} is present
 * (see {@link Convolution}); other geometries and float64 take the plain loops.
 *
 * <p>col2im adds the contributions to each element in the same order as the plain loop.
 */
final class VectorPlanes implements Convolution.PlaneKernels {
  private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
  private static final int L = FS.length();
  private static final FloatVector LANES = laneIndices();

  private static FloatVector laneIndices() {
    float[] lanes = new float[L];
    for (int i = 0; i < L; i++) {
      lanes[i] = i;
    }
    return FloatVector.fromArray(FS, lanes, 0);
  }

  /** Per-thread padded planes, each with a vector of slack at the end. */
  private static final class Scratch {
    /** For im2col: its zero border stays valid while the plane's extents stay the same. */
    float[] input = new float[0];

    /** The plane extents and padding the border was laid out for. */
    int height = -1;

    int width = -1;
    int paddingHeight = -1;
    int paddingWidth = -1;

    /** For col2im: cleared for every plane. */
    float[] output = new float[0];
  }

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private static boolean handles(ConvGeometry g) {
    return g.strideHeight() == 1
        && g.strideWidth() == 1
        && g.dilationHeight() == 1
        && g.dilationWidth() == 1;
  }

  @Override
  public boolean im2col(
      float[] x,
      int xOff,
      int height,
      int width,
      ConvGeometry g,
      float[] cols,
      int colOff,
      int rowStride) {
    if (!handles(g)) {
      return false;
    }
    int ph = g.paddingHeight();
    int pw = g.paddingWidth();
    int paddedWidth = width + 2 * pw;
    int paddedHeight = height + 2 * ph;
    int ho = g.outputHeight(height);
    int wo = g.outputWidth(width);
    Scratch scratch = SCRATCH.get();
    if (scratch.height != height
        || scratch.width != width
        || scratch.paddingHeight != ph
        || scratch.paddingWidth != pw) {
      // Only the interior is written below, so the zero border lasts for planes of this shape.
      scratch.input = new float[paddedHeight * paddedWidth + L];
      scratch.height = height;
      scratch.width = width;
      scratch.paddingHeight = ph;
      scratch.paddingWidth = pw;
    }
    float[] p = scratch.input;
    for (int h = 0; h < height; h++) {
      System.arraycopy(x, xOff + h * width, p, (h + ph) * paddedWidth + pw, width);
    }
    int kernelHeight = g.kernelHeight();
    int kernelWidth = g.kernelWidth();
    int rowLength = ho * wo;
    // Vectors may run past a row into the next one only when the rows are contiguous (the next
    // row is written afterwards); never past the plane.
    boolean contiguous = rowStride == rowLength;
    int planeEnd = colOff + (kernelHeight * kernelWidth - 1) * rowStride + rowLength;
    for (int i = 0; i < kernelHeight; i++) {
      for (int j = 0; j < kernelWidth; j++) {
        int rowStart = colOff + (i * kernelWidth + j) * rowStride;
        int end = contiguous ? planeEnd : rowStart + rowLength;
        int dst = rowStart;
        int oh = 0;
        if (wo <= L) {
          // Rows of at most one vector: one load and one store each.
          for (int src = i * paddedWidth + j; oh < ho && dst + L <= end; oh++, dst += wo) {
            FloatVector.fromArray(FS, p, src).intoArray(cols, dst);
            src += paddedWidth;
          }
        }
        for (; oh < ho; oh++, dst += wo) {
          int src = (oh + i) * paddedWidth + j;
          int ow = 0;
          for (; ow < wo && dst + ow + L <= end; ow += L) {
            FloatVector.fromArray(FS, p, src + ow).intoArray(cols, dst + ow);
          }
          for (; ow < wo; ow++) {
            cols[dst + ow] = p[src + ow];
          }
        }
      }
    }
    return true;
  }

  @Override
  public boolean col2im(
      float[] cols,
      int colOff,
      int rowStride,
      ConvGeometry g,
      int height,
      int width,
      float[] x,
      int xOff) {
    if (!handles(g)) {
      return false;
    }
    int ph = g.paddingHeight();
    int pw = g.paddingWidth();
    int paddedWidth = width + 2 * pw;
    int paddedHeight = height + 2 * ph;
    int ho = g.outputHeight(height);
    int wo = g.outputWidth(width);
    Scratch scratch = SCRATCH.get();
    if (scratch.output.length < paddedHeight * paddedWidth + L) {
      scratch.output = new float[paddedHeight * paddedWidth + L];
    }
    float[] p = scratch.output;
    java.util.Arrays.fill(p, 0, paddedHeight * paddedWidth + L, 0f);
    int kernelHeight = g.kernelHeight();
    int kernelWidth = g.kernelWidth();
    FloatVector zero = FloatVector.zero(FS);
    VectorMask<Float> inRow = LANES.compare(VectorOperators.LT, (float) wo);
    for (int i = 0; i < kernelHeight; i++) {
      for (int j = 0; j < kernelWidth; j++) {
        int src = colOff + (i * kernelWidth + j) * rowStride;
        if (wo <= L && src + (ho - 1) * wo + L <= cols.length) {
          // Rows of at most one vector: lanes past the row add zeros (not the next row).
          for (int oh = 0, dst = i * paddedWidth + j; oh < ho; oh++, src += wo) {
            FloatVector v = zero.blend(FloatVector.fromArray(FS, cols, src), inRow);
            FloatVector.fromArray(FS, p, dst).add(v).intoArray(p, dst);
            dst += paddedWidth;
          }
          continue;
        }
        for (int oh = 0; oh < ho; oh++, src += wo) {
          int dst = (oh + i) * paddedWidth + j;
          int ow = 0;
          for (; ow < wo && src + ow + L <= cols.length; ow += L) {
            // Lanes past the row would add the next row's values: add zeros there instead.
            FloatVector v =
                zero.blend(
                    FloatVector.fromArray(FS, cols, src + ow),
                    LANES.compare(VectorOperators.LT, (float) (wo - ow)));
            FloatVector.fromArray(FS, p, dst + ow).add(v).intoArray(p, dst + ow);
          }
          for (; ow < wo; ow++) {
            p[dst + ow] += cols[src + ow];
          }
        }
      }
    }
    for (int h = 0; h < height; h++) {
      int row = (h + ph) * paddedWidth + pw;
      int target = xOff + h * width;
      for (int w = 0; w < width; w++) {
        x[target + w] += p[row + w];
      }
    }
    return true;
  }
}
