/**
 * The dataset SPI of experiment files ({@link
 * org.cockpit4j.examples.experiment.data.DatasetProvider}) and the built-in datasets: Fashion-MNIST
 * and synthetic problems.
 */
package org.cockpit4j.examples.experiment.data;
