package org.cockpit4j.cockpit;

/**
 * Per weight row {@code o}: the histogram of its parameter bins, the bins present, and for each
 * present bin the bit set of its positions.
 */
final class ParameterRows {
  private final int parameterBinCount;
  private final int words;
  private final long[] histograms;
  private final int[][] present;
  private final int[] presentCount;
  private final int[] maskOffset;
  private final long[] masks;

  ParameterRows(int[] thetaBins, int outputs, int inputs, int parameterBinCount) {
    this.parameterBinCount = parameterBinCount;
    this.words = (inputs + 63) >>> 6;
    histograms = new long[outputs * parameterBinCount];
    present = new int[outputs][];
    presentCount = new int[outputs];
    maskOffset = new int[outputs + 1];
    for (int o = 0; o < outputs; o++) {
      int base = o * parameterBinCount;
      for (int i = 0; i < inputs; i++) {
        int yBin = thetaBins[o * inputs + i];
        if (yBin >= 0) {
          histograms[base + yBin]++;
        }
      }
      int count = 0;
      for (int y = 0; y < parameterBinCount; y++) {
        count += histograms[base + y] > 0 ? 1 : 0;
      }
      present[o] = new int[count];
      count = 0;
      for (int y = 0; y < parameterBinCount; y++) {
        if (histograms[base + y] > 0) {
          present[o][count++] = y;
        }
      }
      presentCount[o] = count;
      maskOffset[o + 1] = maskOffset[o] + count * words;
    }
    masks = new long[maskOffset[outputs]];
    int[] slot = new int[parameterBinCount];
    for (int o = 0; o < outputs; o++) {
      for (int p = 0; p < presentCount[o]; p++) {
        slot[present[o][p]] = p;
      }
      for (int i = 0; i < inputs; i++) {
        int yBin = thetaBins[o * inputs + i];
        if (yBin >= 0) {
          masks[maskOffset[o] + slot[yBin] * words + (i >>> 6)] |= 1L << i;
        }
      }
    }
  }

  int[] present(int o) {
    return present[o];
  }

  int presentCount(int o) {
    return presentCount[o];
  }

  long histogram(int o, int y) {
    return histograms[o * parameterBinCount + y];
  }

  /** The number of positions in {@code mask} and in present bin number {@code p} of row o. */
  long intersection(int o, int p, long[] mask, int length) {
    int base = maskOffset[o] + p * words;
    long total = 0;
    for (int w = 0; w < length; w++) {
      total += Long.bitCount(mask[w] & masks[base + w]);
    }
    return total;
  }
}
