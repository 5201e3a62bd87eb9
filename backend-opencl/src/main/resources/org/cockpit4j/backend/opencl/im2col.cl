// im2col and its adjoint col2im for NCHW images, as torch.nn.functional.unfold/fold: column
// rows are ordered (c, kh, kw), columns (ho, wo); padding reads as zero.
// The geometry is passed as int8: kh, kw, stride h, stride w, pad h, pad w, dilation h, w.

// One work-item per column entry: out[plane][kh*kW + kw][oh*Wo + ow], plane = n*C + c.
__kernel void im2col(__global const real* x, __global real* out, const int planes,
                     const int height, const int width, const int outHeight,
                     const int outWidth, const int8 geometry) {
  const int g = get_global_id(0);
  const int window = geometry.s0 * geometry.s1;
  const int positions = outHeight * outWidth;
  if (g >= planes * window * positions) {
    return;
  }
  const int plane = g / (window * positions);
  const int row = (g / positions) % window;
  const int position = g % positions;
  const int i = row / geometry.s1;
  const int j = row % geometry.s1;
  const int oh = position / outWidth;
  const int ow = position % outWidth;
  const int h = oh * geometry.s2 - geometry.s4 + i * geometry.s6;
  const int w = ow * geometry.s3 - geometry.s5 + j * geometry.s7;
  out[g] = h >= 0 && h < height && w >= 0 && w < width
               ? x[(plane * height + h) * width + w]
               : (real) 0;
}

// One work-item per image pixel: it adds, in increasing (kh, kw), the column entries that read
// it — the order the CPU backend adds them in, and no two work-items write one pixel.
__kernel void col2im(__global const real* columns, __global real* out, const int planes,
                     const int height, const int width, const int outHeight,
                     const int outWidth, const int8 geometry) {
  const int g = get_global_id(0);
  if (g >= planes * height * width) {
    return;
  }
  const int plane = g / (height * width);
  const int h = (g / width) % height;
  const int w = g % width;
  const int window = geometry.s0 * geometry.s1;
  const int positions = outHeight * outWidth;
  __global const real* base = columns + (size_t) plane * window * positions;
  real sum = 0;
  for (int i = 0; i < geometry.s0; i++) {
    const int th = h + geometry.s4 - i * geometry.s6;
    if (th < 0 || th % geometry.s2 != 0) {
      continue;
    }
    const int oh = th / geometry.s2;
    if (oh >= outHeight) {
      continue;
    }
    for (int j = 0; j < geometry.s1; j++) {
      const int tw = w + geometry.s5 - j * geometry.s7;
      if (tw < 0 || tw % geometry.s3 != 0) {
        continue;
      }
      const int ow = tw / geometry.s3;
      if (ow >= outWidth) {
        continue;
      }
      sum += base[(i * geometry.s1 + j) * positions + oh * outWidth + ow];
    }
  }
  out[g] = sum;
}
