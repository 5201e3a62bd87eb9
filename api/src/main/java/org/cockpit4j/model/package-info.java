/**
 * Building models from descriptions: a {@link org.cockpit4j.model.LayerSpec} (type name + options,
 * the reference cases' layer objects and later YAML), a {@link org.cockpit4j.model.LayerFactory}
 * per layer type, the {@link org.cockpit4j.model.LayerPlugin} service interface by which a jar adds
 * layer types together with their extension rules, and the {@link
 * org.cockpit4j.model.LayerRegistry} that collects them and builds a {@code Sequential}.
 */
package org.cockpit4j.model;
