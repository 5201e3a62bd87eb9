package org.cockpit4j.examples.experiment.plugin;

/**
 * A provider registered under a name, with where it came from.
 *
 * @param name the name users write in experiment files
 * @param provider the provider
 * @param origin its jar and class
 * @param <T> the provider type
 */
public record Provided<T>(String name, T provider, Origin origin) {}
