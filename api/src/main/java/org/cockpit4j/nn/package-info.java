/**
 * Layers, containers, losses and parameter initialisation, written once over the {@link
 * org.cockpit4j.backend.Backend} primitives (through {@link org.cockpit4j.ops}), so every backend
 * runs them unchanged.
 *
 * <ul>
 *   <li>Layers ({@link org.cockpit4j.nn.Layer}): {@link org.cockpit4j.nn.Linear}, {@link
 *       org.cockpit4j.nn.Conv2d}, {@link org.cockpit4j.nn.MaxPool2d}, {@link
 *       org.cockpit4j.nn.AvgPool2d}, the activations ({@link org.cockpit4j.nn.Activation}: {@link
 *       org.cockpit4j.nn.ReLU}, {@link org.cockpit4j.nn.LeakyReLU}, {@link
 *       org.cockpit4j.nn.Sigmoid}, {@link org.cockpit4j.nn.Tanh}), {@link
 *       org.cockpit4j.nn.Flatten}, {@link org.cockpit4j.nn.Dropout}, {@link
 *       org.cockpit4j.nn.Identity}; containers {@link org.cockpit4j.nn.Sequential} and {@link
 *       org.cockpit4j.nn.Residual}.
 *   <li>Losses ({@link org.cockpit4j.nn.Loss}): {@link org.cockpit4j.nn.CrossEntropyLoss}, {@link
 *       org.cockpit4j.nn.MseLoss}.
 *   <li>{@link org.cockpit4j.nn.Initializer}: PyTorch's default initialisation from one seed.
 *   <li>{@link org.cockpit4j.nn.models.Models}: the DeepOBS networks by name.
 * </ul>
 *
 * <p><b>Parameter names</b> are PyTorch's {@code model.parameters()} paths: {@code <index>.weight},
 * {@code <index>.bias} in a {@link org.cockpit4j.nn.Sequential}, nested containers adding their
 * segment ({@code 2.inner.0.weight} inside a {@link org.cockpit4j.nn.Residual} at index 2, {@code
 * 3.1.bias} for a Sequential in a Sequential). A layer without bias has no bias entry.
 *
 * <p><b>Caches for backward and the backprop extensions</b>: after {@code forward} every layer
 * exposes what its derivatives need through accessors ({@code lastInput()}, {@code lastOutput()},
 * {@link org.cockpit4j.nn.Conv2d#unfoldedInput()}, {@link org.cockpit4j.nn.MaxPool2d#indices()},
 * {@link org.cockpit4j.nn.Dropout#mask()}, {@link org.cockpit4j.nn.Activation#derivative()} and
 * {@link org.cockpit4j.nn.Activation#secondDerivative()}, {@link
 * org.cockpit4j.nn.CrossEntropyLoss#probabilities()}), and {@link
 * org.cockpit4j.nn.Layer#inputJacobianTransposeProduct} applies the transposed input Jacobian to a
 * stack {@code [V, N, ...]} of output-space tensors.
 *
 * <p><b>Lifetimes</b>: build models outside any {@link org.cockpit4j.tensor.TensorScope} (their
 * parameters must outlive it); run a step's forward and backward inside one scope, whose closing
 * frees the activations and caches. Parameter gradients set during backward belong to that scope
 * too, so the optimizer step runs inside it and keeps ({@code scope.keep}) the new values.
 */
package org.cockpit4j.nn;
