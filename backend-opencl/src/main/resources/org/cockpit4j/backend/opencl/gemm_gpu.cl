// GEMM for GPUs: C = op(A) op(B), batched, with local-memory tiles. A work-group of 16 x 16
// work-items computes a 64 x 64 block of C, each work-item a 4 x 4 sub-block strided by 16
// (conflict-free local reads and, with the padded A tile, stores); op(A) and op(B) are read
// through strides, which expresses the transposes, and ragged edges load zeros. Every element is fma(a_{i,k}, b_{k,j}, ...) over
// k = 0..K-1 in increasing order, the same order as gemm_cpu.cl.

#define TS 64
#define TK 16
#define WPT 4
#define RTS 16

// Global size (ceil(n/TS)*RTS, ceil(m/TS)*RTS, batch), local size (RTS, RTS, 1).
// op(A)[i][kk] = a[batch*aBatchStride + i*aRowStride + kk*aDepthStride];
// op(B)[kk][j] = b[batch*bBatchStride + kk*bDepthStride + j*bColStride].
__kernel __attribute__((reqd_work_group_size(RTS, RTS, 1)))
void gemm_tiled(__global const real* a, __global const real* b, __global real* c,
                const int m, const int n, const int k,
                const int aRowStride, const int aDepthStride, const int aBatchStride,
                const int bDepthStride, const int bColStride, const int bBatchStride) {
  __local real aTile[TK][TS + 1];  // +1: the transposing stores hit distinct banks
  __local real bTile[TK][TS];
  const int tx = get_local_id(0);
  const int ty = get_local_id(1);
  const int col0 = get_group_id(0) * TS;
  const int row0 = get_group_id(1) * TS;
  const int batch = get_global_id(2);
  __global const real* aBase = a + (size_t) batch * aBatchStride;
  __global const real* bBase = b + (size_t) batch * bBatchStride;
  real acc[WPT][WPT];
  for (int wi = 0; wi < WPT; wi++) {
    for (int wj = 0; wj < WPT; wj++) {
      acc[wi][wj] = 0;
    }
  }
  const int thread = ty * RTS + tx;
  for (int t = 0; t < k; t += TK) {
    for (int l = 0; l < (TS * TK) / (RTS * RTS); l++) {
      const int e = thread + l * RTS * RTS;
      const int ar = e / TK;
      const int ak = e % TK;
      const int gr = row0 + ar;
      const int gk = t + ak;
      aTile[ak][ar] =
          gr < m && gk < k ? aBase[(size_t) gr * aRowStride + (size_t) gk * aDepthStride] : 0;
      const int bk = e / TS;
      const int bc = e % TS;
      const int gk2 = t + bk;
      const int gc = col0 + bc;
      bTile[bk][bc] =
          gk2 < k && gc < n ? bBase[(size_t) gk2 * bDepthStride + (size_t) gc * bColStride] : 0;
    }
    barrier(CLK_LOCAL_MEM_FENCE);
    const int depth = min(TK, k - t);
    for (int kk = 0; kk < depth; kk++) {
      real aReg[WPT];
      real bReg[WPT];
      for (int w = 0; w < WPT; w++) {
        aReg[w] = aTile[kk][ty + w * RTS];
        bReg[w] = bTile[kk][tx + w * RTS];
      }
      for (int wi = 0; wi < WPT; wi++) {
        for (int wj = 0; wj < WPT; wj++) {
          acc[wi][wj] = fma(aReg[wi], bReg[wj], acc[wi][wj]);
        }
      }
    }
    barrier(CLK_LOCAL_MEM_FENCE);
  }
  __global real* cBase = c + (size_t) batch * m * n;
  for (int wi = 0; wi < WPT; wi++) {
    const int row = row0 + ty + wi * RTS;
    for (int wj = 0; wj < WPT; wj++) {
      const int col = col0 + tx + wj * RTS;
      if (row < m && col < n) {
        cBase[(size_t) row * n + col] = acc[wi][wj];
      }
    }
  }
}
