/**
 * Optimizers ({@link org.cockpit4j.optim.Sgd}, {@link org.cockpit4j.optim.Adam}) that update {@link
 * org.cockpit4j.nn.Parameter}s exactly as their PyTorch 1.13 namesakes, their host-side state
 * ({@link org.cockpit4j.optim.OptimizerState}), and learning-rate schedules ({@link
 * org.cockpit4j.optim.LearningRateSchedule}).
 */
package org.cockpit4j.optim;
