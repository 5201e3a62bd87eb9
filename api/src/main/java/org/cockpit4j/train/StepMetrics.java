package org.cockpit4j.train;

/**
 * Per-step numbers for progress output and metric files.
 *
 * @param globalStep k, 0-based
 * @param loss the mean mini-batch loss at θ_k
 * @param learningRate the learning rate of optimizer step k
 * @param batchSize N
 * @param stepMilliseconds wall-clock time of the whole step, hooks included
 * @param hookMilliseconds the part of it spent in hooks (the Cockpit's overhead)
 */
public record StepMetrics(
    int globalStep,
    double loss,
    double learningRate,
    int batchSize,
    double stepMilliseconds,
    double hookMilliseconds) {}
