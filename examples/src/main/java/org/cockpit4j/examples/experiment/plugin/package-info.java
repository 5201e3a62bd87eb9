/**
 * Discovery of everything a run can name — backends, quantities, layer types, datasets,
 * instruments, run outputs — on the class path and in a directory of plugin jars ({@link
 * org.cockpit4j.examples.experiment.plugin.PluginCatalog}).
 */
package org.cockpit4j.examples.experiment.plugin;
