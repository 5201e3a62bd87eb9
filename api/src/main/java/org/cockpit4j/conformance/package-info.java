/**
 * Conformance with the original Cockpit + BackPACK: replaying a reference case ({@code
 * shared/reference/FORMAT.md}) on any backend and comparing every recorded value at the format's
 * tolerances. Used by the tests of every backend and by {@code cockpit check-reference}.
 */
package org.cockpit4j.conformance;
