package org.scorefield.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.session.Session;

/** The settings table is the one place a key is spelled, and every value it allows reads back. */
class SettingsTableTest {

    /** A session setting's key as a string literal: {@code "sampling.steps"}. */
    private static final Pattern KEY = Pattern.compile(
            "\"((?:data|process|training|compare|reflow|sdf|sampling|view|export|langevin)\\.[a-z][a-z0-9_]*)\"");

    @Test
    void everyDeclaredSettingIsListedOnceWithAUniqueKey() throws IllegalAccessException {
        List<Setting<?>> declared = new ArrayList<>();
        for (Field f : Settings.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == Setting.class) {
                declared.add((Setting<?>) f.get(null));
            }
        }
        assertEquals(declared.size(), Settings.ALL.size(), "ALL lists every declared setting");
        assertTrue(Settings.ALL.containsAll(declared));
        Set<String> keys = new HashSet<>();
        for (Setting<?> s : Settings.ALL) {
            assertTrue(keys.add(s.key()), "a key declared twice: " + s.key());
            assertFalse(s.label().isBlank(), s.key() + " has a label");
            assertFalse(s.tooltip().isBlank(), s.key() + " has a tooltip");
        }
    }

    /**
     * A lesson's scene records a setting or leaves it to the window, and the table says which for each
     * one: a list kept beside the table missed the compare view once, and would miss the next setting.
     * A setting of the moment cannot be in a scene, since a scene that sets one is refused.
     */
    @Test
    void everySettingSaysWhetherALessonSceneRecordsIt() {
        List<String> undeclared = new ArrayList<>();
        for (Setting<?> s : Settings.ALL) {
            if (!s.sceneDeclared()) {
                undeclared.add(s.key());
            }
            if (s.kept() == Setting.Kept.NOT_KEPT) {
                assertFalse(s.inScene(), s.key() + " is a setting of the moment, which a scene does not set");
            }
        }
        assertEquals(List.of(), undeclared, "say .inScene() or .notInScene() in the table");
    }

    @Test
    void noKeyIsSpelledInTheProgramOutsideTheTable() throws IOException {
        Set<String> known = new HashSet<>();
        Settings.ALL.forEach(s -> known.add(s.key()));
        Path base = Path.of(System.getProperty("basedir", "."));
        Path table = base.resolve("src/main/java/org/scorefield/app/settings/Settings.java");
        List<String> problems = new ArrayList<>();
        int seen = 0;
        for (String root : List.of("src/main/java")) {
            try (Stream<Path> files = Files.walk(base.resolve(root))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    List<String> lines = Files.readAllLines(f);
                    for (int i = 0; i < lines.size(); i++) {
                        Matcher m = KEY.matcher(lines.get(i));
                        while (m.find()) {
                            seen++;
                            String where = base.relativize(f) + ":" + (i + 1) + " " + m.group(1);
                            if (!known.contains(m.group(1))) {
                                problems.add("not in the table: " + where);
                            } else if (!f.equals(table)) {
                                problems.add("spelled outside the table: " + where);
                            }
                        }
                    }
                }
            }
        }
        assertTrue(seen >= Settings.ALL.size(), "the scan found the table's own keys, " + seen);
        assertEquals(List.of(), problems);
    }

    @Test
    void theScanWouldCatchAKeySpelledElsewhere() {
        Matcher m = KEY.matcher("s.whole(\"sampling.steps\")");
        assertTrue(m.find());
        assertEquals("sampling.steps", m.group(1));
    }

    @Test
    void everyValueASettingAllowsIsWrittenAndReadBackAndOthersAreRefused() {
        for (Setting<?> s : Settings.ALL) {
            roundTrip(s);
        }
        Session.Settings tooMany = Session.Settings.builder().put(Settings.STEPS.key(), 10_000L).build();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Settings.STEPS.read(tooMany));
        assertEquals("\"settings.sampling.steps\" must lie between 1 and 1000, found 10000.", e.getMessage());
        Session.Settings fps = Session.Settings.builder().put(Settings.FPS.key(), 25L).build();
        assertThrows(InvalidInputException.class, () -> Settings.FPS.read(fps), "the screen offers 24, 30, 60");
        Session.Settings huge = Session.Settings.builder().put(Settings.FPS.key(), 1L << 40).build();
        assertEquals("\"settings.export.fps\" is 1099511627776, which is not one of 24, 30, 60.",
                assertThrows(InvalidInputException.class, () -> Settings.FPS.read(huge)).getMessage());
        Session.Settings wrapped = Session.Settings.builder().put(Settings.STEPS.key(), (1L << 32) + 8).build();
        assertThrows(InvalidInputException.class, () -> Settings.STEPS.read(wrapped), "no silent wrap to 8 steps");
        Session.Settings unknown = Session.Settings.builder().put(Settings.SOLVER.key(), "warp").build();
        assertTrue(assertThrows(InvalidInputException.class, () -> Settings.SOLVER.read(unknown)).getMessage()
                .contains("does not know"));
    }

    private static <T> void roundTrip(Setting<T> s) {
        List<T> values = new ArrayList<>();
        values.add(s.defaultValue());
        if (s.choices() != null) {
            values.addAll(s.choices());
        } else if (s.min() != null) {
            values.add(s.min());
            values.add(s.max());
        }
        for (T v : values) {
            Session.Settings.Builder out = Session.Settings.builder();
            s.write(out, v);
            assertEquals(v, s.read(out.build()).orElseThrow(), s.key() + " = " + v);
        }
        assertTrue(s.read(Session.Settings.builder().build()).isEmpty(), "a session without it keeps the value");
    }

    /** The defaults and ranges the window had before the table, written out: the table changed none. */
    @Test
    void theDefaultsAndRangesAreThoseTheWindowHadBefore() {
        assertEquals(org.scorefield.core.data.DatasetPreset.MOONS, Settings.DATA_PRESET.defaultValue());
        assertEquals(List.of(1000, 50, 5000), List.of(Settings.DATA_POINTS.defaultValue(), Settings.DATA_POINTS.min(),
                Settings.DATA_POINTS.max()));
        assertEquals(7L, Settings.DATA_SEED.defaultValue());
        assertEquals(org.scorefield.core.schedule.ScheduleKind.VP, Settings.PROCESS_KIND.defaultValue());
        assertEquals(org.scorefield.core.nn.Objective.EDM, Settings.OBJECTIVE.defaultValue());
        assertEquals(List.of(32, 64, 128, 256), Settings.WIDTH.choices());
        assertEquals(128, Settings.WIDTH.defaultValue());
        assertEquals(List.of(3, 1, 6), List.of(Settings.DEPTH.defaultValue(), Settings.DEPTH.min(), Settings.DEPTH.max()));
        assertEquals(List.of(1e-3, 3e-3, 1e-2, 3e-2), Settings.LEARNING_RATE.choices());
        assertEquals(1e-2, Settings.LEARNING_RATE.defaultValue());
        assertEquals(List.of(128, 256, 512, 1024, 2048), Settings.BATCH.choices());
        assertEquals(512, Settings.BATCH.defaultValue());
        assertEquals(true, Settings.EMA.defaultValue());
        assertEquals(1L, Settings.TRAINING_SEED.defaultValue());
        assertEquals(List.of(500, 100, 10_000), List.of(Settings.REFRESH_EVERY.defaultValue(),
                Settings.REFRESH_EVERY.min(), Settings.REFRESH_EVERY.max()));
        assertEquals(List.of(0.1, 0.01, 10.0), List.of(Settings.SINKHORN_EPSILON.defaultValue(),
                Settings.SINKHORN_EPSILON.min(), Settings.SINKHORN_EPSILON.max()));
        assertEquals(List.of(2_000, 5_000, 10_000, 20_000), Settings.REFLOW_PAIRS.choices());
        assertEquals(10_000, Settings.REFLOW_PAIRS.defaultValue());
        assertEquals(List.of(1_000, 2_000, 3_000, 5_000), Settings.REFLOW_TRAIN_STEPS.choices());
        assertEquals(3_000, Settings.REFLOW_TRAIN_STEPS.defaultValue());
        assertEquals(org.scorefield.core.sample.SamplerKind.SDE, Settings.SOLVER.defaultValue());
        assertEquals(List.of(64, 1, 1000), List.of(Settings.STEPS.defaultValue(), Settings.STEPS.min(),
                Settings.STEPS.max()));
        assertEquals(org.scorefield.core.schedule.GridKind.LOG_SNR, Settings.GRID.defaultValue());
        assertEquals(List.of(0.0, 0.0, 2.0), List.of(Settings.ETA.defaultValue(), Settings.ETA.min(),
                Settings.ETA.max()));
        assertEquals(1L, Settings.SAMPLING_SEED.defaultValue());
        assertEquals(1000, Settings.SAMPLE_COUNT.defaultValue());
        assertEquals(40, Settings.PATHS.defaultValue());
        assertEquals(List.of(24, 12, 40), List.of(Settings.FIELD_RESOLUTION.defaultValue(),
                Settings.FIELD_RESOLUTION.min(), Settings.FIELD_RESOLUTION.max()));
        assertEquals(List.of(1.0, 0.25, 4.0), List.of(Settings.ARROW_SCALE.defaultValue(), Settings.ARROW_SCALE.min(),
                Settings.ARROW_SCALE.max()));
        assertEquals(List.of(0.25, 0.5, 1.0, 2.0, 4.0), Settings.SPEED.choices());
        assertEquals(List.of(24, 30, 60), Settings.FPS.choices());
        assertEquals(30, Settings.FPS.defaultValue());
        assertEquals(List.of(6.0, 1.0, 60.0), List.of(Settings.SECONDS.defaultValue(), Settings.SECONDS.min(),
                Settings.SECONDS.max()));
        assertEquals(AnimationSubject.SAMPLING, Settings.ANIMATION.defaultValue());
        assertEquals(AnimationFormat.MP4, Settings.FORMAT.defaultValue());
        assertEquals(List.of("gif", "mp4", "webm", "apng", "png"),
                Settings.FORMAT.choices().stream().map(AnimationFormat::id).toList(), "WebM offered beside MP4");
        assertEquals("WebM (VP9)", Settings.FORMAT.display(AnimationFormat.WEBM));
        assertEquals(AnimationFormat.WEBM, AnimationFormat.fromId("webm"));
        assertEquals(".webm", AnimationFormat.WEBM.extension());
        assertEquals(FrameSize.HD720, Settings.FRAME_SIZE.defaultValue());
        // the Langevin lesson's values (docs/math.md §5.13) and the fixed-ε data layer of before
        assertEquals(List.of(0.002, 1000, 0.1), List.of(Settings.LANGEVIN_STEP.defaultValue(),
                Settings.LANGEVIN_STEPS.defaultValue(), Settings.LANGEVIN_SIGMA.defaultValue()));
        assertEquals(ForwardPaths.FIXED_EPSILON, Settings.FORWARD_PATHS.defaultValue());
        assertEquals(List.of(true, false, true, false, false, false, true, true),
                List.of(Settings.SHOW_DATA.defaultValue(), Settings.SHOW_DENSITY.defaultValue(),
                        Settings.SHOW_SAMPLES.defaultValue(), Settings.SHOW_FIELD.defaultValue(),
                        Settings.SPLIT.defaultValue(), Settings.DARK.defaultValue(), Settings.OVERLAY.defaultValue(),
                        Settings.REFLOW_SIDE_BY_SIDE.defaultValue()));
    }
}
