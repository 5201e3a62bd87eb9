// Max-pooling window arg-max for NCHW images: the flat index h*W + w of the first largest
// element of each window (padding never wins), as a value of the data's dtype.
// The geometry is passed as int8: kh, kw, stride h, stride w, pad h, pad w, dilation h, w.

__kernel void max_pool_indices(__global const real* x, __global real* out, const int planes,
                               const int height, const int width, const int outHeight,
                               const int outWidth, const int8 geometry) {
  const int g = get_global_id(0);
  if (g >= planes * outHeight * outWidth) {
    return;
  }
  const int plane = g / (outHeight * outWidth);
  const int oh = (g / outWidth) % outHeight;
  const int ow = g % outWidth;
  __global const real* image = x + (size_t) plane * height * width;
  int best = -1;
  real bestValue = 0;
  for (int i = 0; i < geometry.s0; i++) {
    const int h = oh * geometry.s2 - geometry.s4 + i * geometry.s6;
    if (h < 0 || h >= height) {
      continue;
    }
    for (int j = 0; j < geometry.s1; j++) {
      const int w = ow * geometry.s3 - geometry.s5 + j * geometry.s7;
      if (w < 0 || w >= width) {
        continue;
      }
      const real v = image[h * width + w];
      if (best < 0 || v > bestValue) {
        best = h * width + w;
        bestValue = v;
      }
    }
  }
  out[g] = (real) best;
}
