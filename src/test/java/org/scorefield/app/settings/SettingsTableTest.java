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
            "\"((?:data|process|training|reflow|sampling|view|export)\\.[a-z][a-z0-9_]*)\"");

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
}
