/**
 * Backprop extensions: per-sample and curvature quantities computed in the same backward pass as
 * the ordinary gradient, in the manner of BackPACK, written once over the {@link
 * org.cockpit4j.backend.Backend} primitives.
 *
 * <ul>
 *   <li>{@link org.cockpit4j.extension.ExtendedBackward} — the engine: one backward pass, any
 *       {@link org.cockpit4j.extension.ExtensionSet} of {@link org.cockpit4j.extension.Extension}s,
 *       results streamed layer by layer to an {@link org.cockpit4j.extension.ExtensionConsumer}
 *       ({@link org.cockpit4j.extension.CollectingConsumer} keeps them);
 *   <li>{@link org.cockpit4j.extension.CurvatureProducts} — exact Hessian- and GGN-vector products;
 *   <li>{@link org.cockpit4j.extension.Scaling} — the one scaling convention of all results;
 *   <li>rules, one small class per (extension, layer type), in the sub-packages, registered in a
 *       {@link org.cockpit4j.extension.RuleSet} ({@link org.cockpit4j.extension.BuiltInRules}, or a
 *       layer plugin's through {@code org.cockpit4j.model.LayerRegistry});
 *   <li>{@link org.cockpit4j.extension.ExtensionBenchmark} — timing for the CLI.
 * </ul>
 *
 * See {@code docs/extensions.md}.
 */
package org.cockpit4j.extension;
