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
 *       as {@code binary(ADD, y, bias.reshape(Cout, 1))}. {@code im2col} is lazy: its array is
 *       computed only when some op reads it, and this product (and {@code matmulSum} below) instead
 *       unfold one member at a time into a cache-resident scratch, so the unfolded input never goes
 *       through memory. Do not permute the columns into one {@code [C*kH*kW, N*Ho*Wo]} matrix: that
 *       stores them and costs two extra copies.
 *   <li><b>Convolution backward</b>: weight gradient {@code matmulSum(dY, cols, false, true)}
 *       ({@code [Cout, C*kH*kW]}, no per-sample products stored); input gradient {@code
 *       col2imOfProduct(w2d, dY, g, H, W)} (the unfolded gradient is never stored whole).
 *       Per-sample weight gradients, when needed, are {@code matmul(dY, cols, false, true)} ({@code
 *       [N, Cout, C*kH*kW]}).
 *   <li><b>Linear layers</b>: {@code matmul(x, w, false, true)} with {@code w [out, in]}; gradients
 *       {@code matmul(dY, x, true, false)} and {@code matmul(dY, w, false, false)}. Every transpose
 *       combination runs on the same packed kernels; no explicit {@code permute} needed.
 *   <li>A batch times a shared matrix, or a shared matrix times a batch, is one product (the
 *       members' rows or columns side by side); two batches run one product per member.
 *   <li>Broadcasting is cheapest when the broadcast operand repeats along the leading axes or is
 *       constant along the last axis ({@code [N, C, L] + [C, 1]}).
 *   <li>Large arrays of closed tensors are recycled: close temporaries (a {@code TensorScope} per
 *       step) and the next step allocates nothing large; never keep an array obtained from {@link
 *       org.cockpit4j.backend.cpu.CpuStorage} past its tensor's life.
 * </ul>
 */
package org.cockpit4j.backend.cpu;
