package org.cockpit4j.backend;

import org.cockpit4j.tensor.Shape;

/**
 * The checked shapes of a (batched) matrix product {@code op(a) op(b)} as {@link Backend#matmul}
 * defines it: {@code op(a)} is {@code m x k}, {@code op(b)} is {@code k x n}; {@code batch} is 0
 * for a plain product, otherwise the number of products, with {@code aBatched}/{@code bBatched}
 * telling which operand advances per product (a rank-2 operand is shared).
 *
 * @param batch 0 for a plain product, otherwise the number of products
 * @param aBatched whether {@code a} is a stack (rank 3)
 * @param bBatched whether {@code b} is a stack (rank 3)
 * @param m rows of {@code op(a)} and of each result
 * @param n columns of {@code op(b)} and of each result
 * @param k the inner extent
 * @param transposeA whether {@code op(a)} is {@code a}'s (last two axes') transpose
 * @param transposeB whether {@code op(b)} is {@code b}'s transpose
 * @param resultShape {@code [m, n]}, or {@code [batch, m, n]}
 */
public record MatMulShape(
    int batch,
    boolean aBatched,
    boolean bBatched,
    int m,
    int n,
    int k,
    boolean transposeA,
    boolean transposeB,
    Shape resultShape) {

  /**
   * Checks and plans {@code op(a) op(b)}; fails naming both shapes when an operand is not of rank 2
   * or 3, the inner extents differ, or two stacks differ in size.
   */
  public static MatMulShape of(Shape a, Shape b, boolean transposeA, boolean transposeB) {
    if (a.rank() < 2 || a.rank() > 3 || b.rank() < 2 || b.rank() > 3) {
      throw new IllegalArgumentException(
          "matmul needs operands of rank 2 or 3, got " + a + " and " + b);
    }
    int m = transposeA ? a.dim(-1) : a.dim(-2);
    int k = transposeA ? a.dim(-2) : a.dim(-1);
    int kb = transposeB ? b.dim(-1) : b.dim(-2);
    int n = transposeB ? b.dim(-2) : b.dim(-1);
    if (k != kb) {
      throw new IllegalArgumentException(
          "matmul inner extents differ: "
              + a
              + (transposeA ? "ᵀ" : "")
              + " has "
              + k
              + " columns but "
              + b
              + (transposeB ? "ᵀ" : "")
              + " has "
              + kb
              + " rows");
    }
    boolean aBatched = a.rank() == 3;
    boolean bBatched = b.rank() == 3;
    if (aBatched && bBatched && a.dim(0) != b.dim(0)) {
      throw new IllegalArgumentException(
          "matmul batch sizes differ: " + a + " and " + b + " (a rank-2 operand is broadcast)");
    }
    int batch = aBatched ? a.dim(0) : bBatched ? b.dim(0) : 0;
    Shape result = aBatched || bBatched ? Shape.of(batch, m, n) : Shape.of(m, n);
    return new MatMulShape(batch, aBatched, bBatched, m, n, k, transposeA, transposeB, result);
  }

  /** Number of products (1 for a plain product). */
  public int products() {
    return Math.max(1, batch);
  }
}
