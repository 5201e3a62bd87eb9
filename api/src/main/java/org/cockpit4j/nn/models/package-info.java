/** The DeepOBS test problems' networks, built by name: {@link org.cockpit4j.nn.models.Models}. */
package org.cockpit4j.nn.models;
