/**
 * Composite operations written once over the {@link org.cockpit4j.backend.Backend} primitives:
 * softmax and log-softmax, one-hot encoding, 2-D convolution via im2col and matrix products, max
 * and average pooling. Every backend runs them unchanged.
 *
 * <p>Temporaries are created inside a nested {@link org.cockpit4j.tensor.TensorScope} and closed
 * before returning; only the result escapes to the caller's scope.
 */
package org.cockpit4j.ops;
