// GEMM for CPU devices: C = op(A) op(B), batched, register-blocked with vector types.
// The operands are first packed into panels (which also applies the transposes and the zero
// padding of ragged edges), so the inner loop reads both panels contiguously:
//   Ap[batch][tileRow][k][TM]   rows of op(A), TM per tile
//   Bp[batch][tileCol][k][TN]   columns of op(B), TN per tile
// Each work-item (run with local size 1) keeps a TM x TN block of C in 2*TM vector registers
// (16 AVX-512 registers) and adds the k products in increasing order with fma, so every
// element of C is fma(a_{i,k}, b_{k,j}, ...) over k = 0..K-1, the same order as gemm_gpu.cl.

#ifdef REAL_IS_DOUBLE
#define VW 8
typedef double8 realv;
#define VLOADV vload8
#define VSTOREV vstore8
#else
#define VW 16
typedef float16 realv;
#define VLOADV vload16
#define VSTOREV vstore16
#endif

#ifdef REAL_IS_DOUBLE
typedef double8 real8;
#else
typedef float8 real8;
#endif

#define TM 8
#define TN (2 * VW)

// Packing: one work-item per (batch, tile, block of KB consecutive kk) writes the block's rows
// of the panel. Whichever way the source is laid out, the lines it touches are reused across the
// block, so packing runs at memory speed for plain and transposed operands alike.
#define KB 16

// packed[b][t][kk][r] = op(A)[b][t*TM + r][kk], zero past row m. op(A)[i][kk] is read at
// a[b*batchStride + i*rowStride + kk*depthStride], which expresses the transpose.
__kernel void pack_a(__global const real* a, __global real* packed, const int m, const int k,
                     const int tiles, const int batches, const int rowStride,
                     const int depthStride, const int batchStride) {
  const int blocks = (k + KB - 1) / KB;
  const int g = get_global_id(0);
  if (g >= batches * tiles * blocks) {
    return;
  }
  const int block = g % blocks;
  const int t = (g / blocks) % tiles;
  const int b = g / (blocks * tiles);
  __global const real* source = a + (size_t) b * batchStride;
  __global real* target = packed + ((size_t) b * tiles + t) * k * TM;
  const int rows = min(TM, m - t * TM);
  const int end = min(k, (block + 1) * KB);
  for (int kk = block * KB; kk < end; kk++) {
    for (int r = 0; r < TM; r++) {
      target[kk * TM + r] =
          r < rows ? source[(t * TM + r) * rowStride + kk * depthStride] : (real) 0;
    }
  }
}

// packed[b][t][kk][c] = op(B)[b][kk][t*TN + c], zero past column n.
__kernel void pack_b(__global const real* bm, __global real* packed, const int n, const int k,
                     const int tiles, const int batches, const int depthStride,
                     const int colStride, const int batchStride) {
  const int blocks = (k + KB - 1) / KB;
  const int g = get_global_id(0);
  if (g >= batches * tiles * blocks) {
    return;
  }
  const int block = g % blocks;
  const int t = (g / blocks) % tiles;
  const int b = g / (blocks * tiles);
  __global const real* source = bm + (size_t) b * batchStride;
  __global real* target = packed + ((size_t) b * tiles + t) * k * TN;
  const int columns = min(TN, n - t * TN);
  const int end = min(k, (block + 1) * KB);
  for (int kk = block * KB; kk < end; kk++) {
    for (int c = 0; c < TN; c++) {
      target[kk * TN + c] =
          c < columns ? source[kk * depthStride + (t * TN + c) * colStride] : (real) 0;
    }
  }
}

#define ROW_FMA(R)                                  \
  c##R##0 = fma((realv) av.s##R, b0, c##R##0);      \
  c##R##1 = fma((realv) av.s##R, b1, c##R##1);

#define ROW_STORE(R)                                                  \
  if (row0 + R < m) {                                                 \
    __global real* dst = c + (size_t) (row0 + R) * n + col0;          \
    if (full) {                                                       \
      VSTOREV(c##R##0, 0, dst);                                       \
      VSTOREV(c##R##1, 1, dst);                                       \
    } else {                                                          \
      real line[TN];                                                  \
      VSTOREV(c##R##0, 0, line);                                      \
      VSTOREV(c##R##1, 1, line);                                      \
      for (int q = 0; q < columns; q++) {                             \
        dst[q] = line[q];                                             \
      }                                                               \
    }                                                                 \
  }

// Global size (tilesM, tilesN, batch), local size (1, 1, 1). Packed-panel batch strides are 0
// for an operand shared by the whole batch.
__kernel void gemm_packed(__global const real* ap, __global const real* bp, __global real* cm,
                          const int m, const int n, const int k, const int aBatchStride,
                          const int bBatchStride) {
  const int tileRow = get_global_id(0);
  const int tileCol = get_global_id(1);
  const int batch = get_global_id(2);
  const int row0 = tileRow * TM;
  const int col0 = tileCol * TN;
  __global const real* a = ap + (size_t) batch * aBatchStride + (size_t) tileRow * k * TM;
  __global const real* b = bp + (size_t) batch * bBatchStride + (size_t) tileCol * k * TN;
  realv c00 = 0, c01 = 0, c10 = 0, c11 = 0, c20 = 0, c21 = 0, c30 = 0, c31 = 0;
  realv c40 = 0, c41 = 0, c50 = 0, c51 = 0, c60 = 0, c61 = 0, c70 = 0, c71 = 0;
  for (int kk = 0; kk < k; kk++) {
    const realv b0 = VLOADV(0, b);
    const realv b1 = VLOADV(1, b);
    const real8 av = vload8(0, a);
    b += TN;
    a += TM;
    ROW_FMA(0)
    ROW_FMA(1)
    ROW_FMA(2)
    ROW_FMA(3)
    ROW_FMA(4)
    ROW_FMA(5)
    ROW_FMA(6)
    ROW_FMA(7)
  }
  __global real* c = cm + (size_t) batch * m * n;
  const int columns = min(TN, n - col0);
  const bool full = columns == TN;
  ROW_STORE(0)
  ROW_STORE(1)
  ROW_STORE(2)
  ROW_STORE(3)
  ROW_STORE(4)
  ROW_STORE(5)
  ROW_STORE(6)
  ROW_STORE(7)
}
