/**
 * Run directories and their logs: finds the Cockpit log in a run directory and reads it, tailing a
 * JSON Lines log incrementally while the run writes it.
 */
package org.cockpit4j.instruments.run;
