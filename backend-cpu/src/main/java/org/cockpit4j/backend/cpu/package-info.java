/** The pure-Java CPU backend, the reference every other backend is tested against. */
package org.cockpit4j.backend.cpu;
