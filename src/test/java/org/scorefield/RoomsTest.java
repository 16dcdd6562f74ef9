package org.scorefield;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The window is split into rooms whose names say their role, and each room may use only the rooms
 * below it (JabRef's architecture tests, in our words): state never reaches for a view, the
 * drawing libraries never for the state. Scans the sources for {@code org.scorefield.app.<room>}
 * and {@code javafx.<module>} names, imports and fully qualified uses alike.
 */
class RoomsTest {

    private static final Path APP = Path.of(System.getProperty("basedir", "."), "src/main/java/org/scorefield");
    private static final Pattern ROOM = Pattern.compile("\\borg\\.scorefield\\.app\\.([a-z]+)\\b");
    private static final Pattern JAVAFX = Pattern.compile("\\bjavafx\\.([a-z]+)\\b");

    /** The rooms of {@code org.scorefield.app} each room may use ("" is the app's own package). */
    private static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
            Map.entry("settings", Set.of()),
            Map.entry("jobs", Set.of()),
            Map.entry("theme", Set.of()),
            Map.entry("fx", Set.of()),
            Map.entry("model", Set.of("settings", "jobs", "theme")),
            Map.entry("canvas", Set.of("theme", "fx")),
            Map.entry("chart", Set.of("theme")),
            Map.entry("export", Set.of("canvas", "theme", "fx", "settings")),
            Map.entry("frame", Set.of("model", "canvas", "settings", "theme")),
            Map.entry("workspace", Set.of("model", "frame", "export", "canvas", "settings", "jobs", "theme")),
            Map.entry("panel", Set.of("model", "workspace", "export", "settings", "jobs", "theme")),
            Map.entry("view", Set.of("model", "frame", "panel", "workspace", "canvas", "chart", "export", "settings",
                    "jobs", "theme", "fx")),
            Map.entry("headless", Set.of("", "view", "model", "workspace", "panel", "frame", "canvas", "chart", "export",
                    "settings", "jobs", "theme", "fx")),
            Map.entry("", Set.of("view", "model", "workspace", "jobs", "theme")),
            Map.entry("cli", Set.of("headless", "export", "canvas", "settings", "theme", "fx")),
            Map.entry("core", Set.of()),
            Map.entry("launcher", Set.of("")));

    /** The JavaFX modules a room may use: state may observe, never show. */
    private static final Map<String, Set<String>> JAVAFX_ALLOWED = Map.of(
            "settings", Set.of(), "jobs", Set.of(), "core", Set.of(), "cli", Set.of(),
            "model", Set.of("beans", "collections"),
            "workspace", Set.of("beans", "collections"),
            "frame", Set.of());

    @Test
    void everyRoomUsesOnlyTheRoomsBelowIt() throws IOException {
        List<String> offences = new ArrayList<>();
        Set<String> rooms = new TreeSet<>();
        int files = 0;
        try (Stream<Path> sources = Files.walk(APP)) {
            for (Path f : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String room = roomOf(APP.relativize(f));
                rooms.add(room);
                files++;
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    for (String used : matches(ROOM, line)) {
                        String target = used.equals("app") ? "" : used;
                        if (!target.equals(room) && !MAY_USE.getOrDefault(room, Set.of()).contains(target)
                                && isRoom(target)) {
                            offences.add(room + " uses " + target + ": " + APP.relativize(f) + ":" + (i + 1));
                        }
                    }
                    for (String module : matches(JAVAFX, line)) {
                        Set<String> allowed = JAVAFX_ALLOWED.get(room);
                        if (allowed != null && !allowed.contains(module)) {
                            offences.add(room + " uses javafx." + module + ": " + APP.relativize(f) + ":" + (i + 1));
                        }
                    }
                }
            }
        }
        assertTrue(files > 100, "the scan found " + files + " sources under " + APP);
        assertEquals(new TreeSet<>(MAY_USE.keySet()), rooms, "every room has its rule, and no rule is for a room gone");
        assertEquals(List.of(), offences);
    }

    @Test
    void theScanSeesImportsAndQualifiedNames() {
        assertEquals(List.of("view"), matches(ROOM, "import org.scorefield.app.view.CanvasArea;"));
        assertEquals(List.of("canvas"), matches(ROOM, "var p = new org.scorefield.app.canvas.FramePainter();"));
        assertEquals(List.of("scene"), matches(JAVAFX, "javafx.scene.control.Button b;"));
        assertEquals("model", roomOf(Path.of("app/model/DataState.java")));
        assertEquals("", roomOf(Path.of("app/ScorefieldApp.java")));
        assertEquals("core", roomOf(Path.of("core/flow/FlowOracle.java")));
    }

    /** A source's room: its package under app ("" for app itself), or the top package (core, cli). */
    private static String roomOf(Path relative) {
        String first = relative.getName(0).toString();
        if (!first.equals("app")) {
            return relative.getNameCount() > 1 ? first : "launcher";
        }
        return relative.getNameCount() > 2 ? relative.getName(1).toString() : "";
    }

    /** Whether an {@code org.scorefield.app.<x>} is a room, not a class of the app's own package. */
    private static boolean isRoom(String name) {
        return name.isEmpty() || Character.isLowerCase(name.charAt(0));
    }

    private static List<String> matches(Pattern p, String line) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(line);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
