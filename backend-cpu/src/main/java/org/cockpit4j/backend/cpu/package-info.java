/**
 * The pure-Java CPU backend, the reference every other backend is tested against.
 *
 * <p>Entry points: {@link org.cockpit4j.backend.cpu.CpuBackend} (also found as {@code cpu} through
 * {@link org.cockpit4j.backend.Backends}; options {@code threads} and {@code gemm}) and {@link
 * org.cockpit4j.backend.GemmBenchmark}. Run with {@code --add-modules jdk.incubator.vector} for the
 * fast kernels; without it everything still works on plain loops.
 *
 * <h2>Calling the backend efficiently (layer authors)</h2>
 *
 * <ul>
 *   <li><b>Convolution forward</b>: {@code cols = im2col(x, g)} gives {@code [N, C*kH*kW, Ho*Wo]};
 *       {@code y = matmul(w.reshape(Cout, C*kH*kW), cols, false, false)} gives {@code [N, Cout,
 *       Ho*Wo]}, already NCHW, so {@code y.reshape(N, Cout, Ho, Wo)} is a free view. Add the bias
 *       as {@code binary(ADD, y, bias.reshape(Cout, 1))}. Do not permute the columns into one
 *       {@code [C*kH*kW, N*Ho*Wo]} matrix: that costs two extra copies and gains nothing.
 *   <li><b>Convolution backward</b>: input gradient {@code col2im(matmul(w2d, dY, true, false), g,
 *       H, W)}; per-sample weight gradients {@code matmul(dY, cols, false, true)} ({@code [N, Cout,
 *       C*kH*kW]}), summed over axis 0 for the batch gradient.
 *   <li><b>Linear layers</b>: {@code matmul(x, w, false, true)} with {@code w [out, in]}; gradients
 *       {@code matmul(dY, x, true, false)} and {@code matmul(dY, w, false, false)}. Every transpose
 *       combination runs on the same packed kernel; no explicit {@code permute} needed.
 *   <li>A rank-3 left operand times a shared rank-2 right one without {@code transposeA} is one
 *       tall product (fastest); a shared left operand times a batch runs one product per thread.
 *   <li>Broadcasting is cheapest when the broadcast operand repeats along the leading axes or is
 *       constant along the last axis ({@code [N, C, L] + [C, 1]}).
 * </ul>
 */
package org.cockpit4j.backend.cpu;
