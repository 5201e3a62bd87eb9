/**
 * The training loop ({@link org.cockpit4j.train.Trainer}): batches in, forward, loss, backward,
 * hooks (where the Cockpit attaches), optimizer step, metrics out.
 */
package org.cockpit4j.train;
