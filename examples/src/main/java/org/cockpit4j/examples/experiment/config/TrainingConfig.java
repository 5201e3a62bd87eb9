package org.cockpit4j.examples.experiment.config;

/**
 * How long to train: {@code training: {steps: 300}} or {@code training: {epochs: 2}} (not both).
 *
 * @param steps optimizer steps, at least 1
 * @param epochs passes over the training data, at least 1
 */
public record TrainingConfig(Integer steps, Integer epochs) {}
