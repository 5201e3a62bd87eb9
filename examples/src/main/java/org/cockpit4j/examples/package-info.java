/** The cockpit command line, data loaders and experiments. */
package org.cockpit4j.examples;
