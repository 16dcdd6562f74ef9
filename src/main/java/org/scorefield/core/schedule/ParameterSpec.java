package org.scorefield.core.schedule;

/**
 * One editable constant of a schedule, described for sliders, tooltips and the command line.
 *
 * @param name         key on the command line and in files, e.g. {@code beta_max}
 * @param symbol       how the constant is written in formulas, e.g. {@code β_max}
 * @param defaultValue the value of the paper the schedule comes from (docs/math.md §2)
 * @param min          the smallest value a slider offers
 * @param max          the largest value a slider offers
 * @param logScale     whether a slider should move in log scale
 * @param description  one sentence a student understands
 */
public record ParameterSpec(String name, String symbol, double defaultValue, double min, double max,
        boolean logScale, String description) {
}
