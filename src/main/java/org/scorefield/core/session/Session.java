package org.scorefield.core.session;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.data.EmpiricalDistribution;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.nn.TrainedModel;
import org.scorefield.core.schedule.Schedule;

/**
 * A whole workspace, as a session file holds it: the data (its points always, so drawn and edited
 * points come back exactly), the process with its constants, the trained model if there is one,
 * and every other setting (model and training, sampler, seeds, view, Reflow, export) as flat
 * {@code section.key} values, so the window and the command line read the same file.
 *
 * @param data     the data
 * @param process  the forward process and its constants
 * @param model    the trained model, if any
 * @param settings the remaining settings, by {@code section.key}
 * @param source   the points flow matching starts from when they are its source (drawn from the
 *                 canvas); N(0, I) and the presets are named in the settings instead
 * @param rounds   the Reflow rounds made, if any
 * @param clicks   where trajectories were started by a click, in order (none: empty)
 * @param lesson   the lesson open in the window and the scene it was at, if one was open
 */
public record Session(Data data, Schedule process, Optional<TrainedModel> model, Settings settings,
                      Optional<EmpiricalDistribution> source, Optional<Rounds> rounds, PointSet clicks,
                      Optional<OpenLesson> lesson) {

    public Session {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(rounds, "rounds");
        Objects.requireNonNull(clicks, "clicks");
        Objects.requireNonNull(lesson, "lesson");
    }

    /** A session without a lesson. */
    public Session(Data data, Schedule process, Optional<TrainedModel> model, Settings settings,
                   Optional<EmpiricalDistribution> source, Optional<Rounds> rounds, PointSet clicks) {
        this(data, process, model, settings, source, rounds, clicks, Optional.empty());
    }

    /** A session without Reflow rounds or clicks, whose flow source, if any, is N(0, I) or a preset. */
    public Session(Data data, Schedule process, Optional<TrainedModel> model, Settings settings) {
        this(data, process, model, settings, Optional.empty(), Optional.empty(), PointSet.of(new double[0]));
    }

    /** A session without clicks. */
    public Session(Data data, Schedule process, Optional<TrainedModel> model, Settings settings,
                   Optional<EmpiricalDistribution> source, Optional<Rounds> rounds) {
        this(data, process, model, settings, source, rounds, PointSet.of(new double[0]));
    }

    /** The same session with {@code open} as its lesson (empty: none). */
    public Session withLesson(Optional<OpenLesson> open) {
        return new Session(data, process, model, settings, source, rounds, clicks, open);
    }

    /**
     * A lesson open in the window, as a session keeps it: the deck (with the lecturer's edits) and the
     * scene on screen.
     *
     * @param lesson the deck
     * @param scene  the scene on screen, from 0
     */
    public record OpenLesson(Lesson lesson, int scene) {
        public OpenLesson {
            Objects.requireNonNull(lesson, "lesson");
            InvalidInputException.require(scene >= 0 && scene < lesson.scenes().size(), "The lesson's scene is "
                    + (scene + 1) + ", but \"" + lesson.title() + "\" has scenes 1 to " + lesson.scenes().size() + ".");
        }
    }

    /**
     * Reflow rounds as a session keeps them: each round's model and figures, and what their paths
     * are drawn again from (the evaluation sources of {@code seed} and {@code evalPoints}).
     *
     * @param seed       the seed every draw of the rounds derived from
     * @param evalPoints the number of evaluation sources
     * @param models     round 0 (the model Reflow started from), 1, 2, …
     * @param metrics    each round's figures, in the same order
     */
    public record Rounds(long seed, int evalPoints, java.util.List<TrainedModel> models,
                         java.util.List<org.scorefield.core.flow.Reflow.Metrics> metrics) {

        public Rounds {
            models = java.util.List.copyOf(models);
            metrics = java.util.List.copyOf(metrics);
            InvalidInputException.require(!models.isEmpty() && models.size() == metrics.size(),
                    "Reflow rounds need one model per set of figures, and at least one.");
            InvalidInputException.require(evalPoints >= 1, "Reflow needs at least one evaluation point.");
        }

        /**
         * The rounds with their paths drawn again from the same evaluation sources, bit for bit as
         * when they were made (this integrates every round's model: call it off the FX thread).
         *
         * @param data what the rounds' models transport to
         */
        public java.util.List<org.scorefield.core.flow.Reflow.Round> draw(
                org.scorefield.core.data.DataDistribution data) {
            return draw(data, models.size());
        }

        /** As {@link #draw(org.scorefield.core.data.DataDistribution)}, only the newest {@code count} rounds. */
        public java.util.List<org.scorefield.core.flow.Reflow.Round> draw(
                org.scorefield.core.data.DataDistribution data, int count) {
            var reflow = new org.scorefield.core.flow.Reflow(data, models.get(0).flow().source(),
                    org.scorefield.core.flow.Reflow.Settings.defaults(seed).withEvalPoints(evalPoints));
            java.util.List<org.scorefield.core.flow.Reflow.Round> out = new java.util.ArrayList<>();
            for (int k = Math.max(0, models.size() - count); k < models.size(); k++) {
                out.add(reflow.restore(models.get(k), metrics.get(k)));
            }
            return java.util.List.copyOf(out);
        }
    }

    /**
     * The data of a session.
     *
     * @param name   its name on screen
     * @param preset the preset the points were drawn from, while unedited (then count and seed redraw them)
     * @param count  the preset's point count
     * @param seed   the data seed (the points' fixed noise comes from it too)
     * @param points the points themselves, with their labels if they have some
     */
    public record Data(String name, Optional<DatasetPreset> preset, int count, long seed, PointSet points) {

        public Data {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(preset, "preset");
            Objects.requireNonNull(points, "points");
        }
    }

    /**
     * Scalar settings by {@code section.key}: strings, booleans, whole numbers and finite numbers,
     * in insertion order. Readers ask for a type and get a message naming the key when a file holds
     * another; a missing key is empty, so a file from an older build loads with defaults.
     */
    public static final class Settings {

        private final Map<String, Object> values;

        private Settings(Map<String, Object> values) {
            this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        /** Whether {@code key} is a setting's name: {@code section.key}, lower-case words with underscores. */
        public static boolean isName(String key) {
            return key.matches("[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*");
        }

        public static Builder builder() {
            return new Builder();
        }

        /** A builder that starts from these settings, to change a few of them. */
        public Builder toBuilder() {
            Builder b = new Builder();
            b.values.putAll(values);
            return b;
        }

        /** Every value by key, in order. */
        public Map<String, Object> values() {
            return values;
        }

        public Optional<String> text(String key) {
            return typed(key, String.class, "a string");
        }

        public Optional<Boolean> bool(String key) {
            return typed(key, Boolean.class, "true or false");
        }

        public Optional<Long> whole(String key) {
            return typed(key, Long.class, "a whole number");
        }

        /** A number; whole numbers are numbers too. */
        public Optional<Double> number(String key) {
            Object v = values.get(key);
            if (v instanceof Long l) {
                return Optional.of(l.doubleValue());
            }
            return typed(key, Double.class, "a number");
        }

        private <T> Optional<T> typed(String key, Class<T> type, String what) {
            Object v = values.get(key);
            if (v == null) {
                return Optional.empty();
            }
            if (!type.isInstance(v)) {
                throw new InvalidInputException("\"settings." + key + "\" must be " + what + ", found " + v);
            }
            return Optional.of(type.cast(v));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Settings s && s.values.equals(values);
        }

        @Override
        public int hashCode() {
            return values.hashCode();
        }

        @Override
        public String toString() {
            return values.toString();
        }

        /** Collects settings; a key is {@code section.name} with lower-case words. */
        public static final class Builder {
            private final Map<String, Object> values = new LinkedHashMap<>();

            public Builder put(String key, String value) {
                return add(key, Objects.requireNonNull(value, key));
            }

            public Builder put(String key, boolean value) {
                return add(key, value);
            }

            public Builder put(String key, long value) {
                return add(key, value);
            }

            public Builder put(String key, double value) {
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException(key + " must be finite, got " + value);
                }
                return add(key, value);
            }

            private Builder add(String key, Object value) {
                if (!isName(key)) {
                    throw new IllegalArgumentException("a setting is named section.key, got " + key);
                }
                values.put(key, value);
                return this;
            }

            /** Every value of {@code more}, over the ones already here. */
            public Builder putAll(Settings more) {
                values.putAll(more.values);
                return this;
            }

            /** Drops the values whose key passes {@code which}. */
            public Builder removeIf(java.util.function.Predicate<String> which) {
                values.keySet().removeIf(which);
                return this;
            }

            public Settings build() {
                return new Settings(values);
            }
        }
    }
}
