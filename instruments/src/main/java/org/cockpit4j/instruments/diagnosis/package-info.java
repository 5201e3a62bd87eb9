/**
 * Diagnosis: rules ({@link org.cockpit4j.instruments.diagnosis.DiagnosisRule}, found through {@link
 * java.util.ServiceLoader}) that turn instrument data into findings with evidence (steps, values,
 * layers), shown on the figure and the dashboard and written to a run directory as {@code
 * diagnosis.json} and {@code diagnosis.txt}.
 */
package org.cockpit4j.instruments.diagnosis;
