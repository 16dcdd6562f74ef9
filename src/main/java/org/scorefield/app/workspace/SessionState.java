package org.scorefield.app.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.scorefield.app.jobs.Jobs;
import org.scorefield.app.jobs.Lane;
import org.scorefield.app.model.ExplorerModel;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.io.AtomicFiles;
import org.scorefield.core.session.Session;
import org.scorefield.core.io.IoReasons;
import org.scorefield.core.io.JsonFields;
import org.scorefield.core.session.SessionFile;

/**
 * Session files for the window: save, save as, open, the recent sessions, and an autosave that
 * survives a crash.
 *
 * <p>The workspace is captured on the deliver thread (references to immutable data, so it is
 * quick) and written on the files' lane, atomically; a file is read and checked on that lane and
 * applied on the deliver thread only when it is whole, so a bad file changes nothing. No file is
 * touched on the deliver thread, not even to list the recent sessions.
 *
 * <p>Autosave: whoever owns the clock (the window) calls {@link #autosave()} every
 * {@link #AUTOSAVE_SECONDS} s (60); when the workspace has changed it goes to
 * {@code home/autosave-PID.scorefield}, and a clean exit deletes that file. At start, an autosave
 * whose process has ended is what a crash left: {@link #findCrashed} offers it. The recent sessions
 * are a list of paths in {@code home/recent.txt}. {@code home} is {@code ~/.scorefield}, or the
 * {@code scorefield.home} system property. Lives on the deliver thread of its jobs.
 */
public final class SessionState {

    /** Seconds between autosaves: 60, or the {@code scorefield.autosave.seconds} system property. */
    public static final double AUTOSAVE_SECONDS = autosaveSeconds();
    static final int MAX_RECENT = 8;
    private static final String AUTOSAVE_PREFIX = "autosave-";
    private static final String KEY = "session-file";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("d MMM HH:mm")
            .withZone(ZoneId.systemDefault());

    /** An autosave left by a process that ended without closing its window. */
    public record Crashed(Path file, Instant saved) {
        /** "1 Dec 13:02", for the question. */
        public String when() {
            return CLOCK.format(saved);
        }
    }

    private final SessionCodec codec;
    private final ExplorerModel model;
    private final Jobs jobs;
    private final Path home;
    private final Path autosave;
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private Session lastAutosaved;
    /** Each save is a job of its own: an open or another save never stops one that was asked for. */
    private long saves;
    private boolean closed;

    /** Session files of a workspace without a lesson. */
    public SessionState(ExplorerModel model, Path home) {
        this(model, home, new LessonState(model));
    }

    /** Session files of a workspace whose lesson, with its scene, is kept in the session. */
    public SessionState(ExplorerModel model, Path home, LessonState lessons) {
        this.model = model;
        this.jobs = model.jobs();
        this.codec = new SessionCodec(model, lessons);
        this.home = home;
        this.autosave = home.resolve(AUTOSAVE_PREFIX + ProcessHandle.current().pid() + SessionFile.EXTENSION);
        jobs.<List<Path>>job("recent-read", Lane.FILES).quiet().start(job -> readRecent(), list -> {
            if (recent.isEmpty()) {
                recent.setAll(list); // unless a save or open came first
            }
        });
    }

    private static double autosaveSeconds() {
        try {
            double s = Double.parseDouble(System.getProperty("scorefield.autosave.seconds", "60"));
            return s >= 1 && s <= 3600 ? s : 60;
        } catch (NumberFormatException e) {
            return 60;
        }
    }

    /** {@code ~/.scorefield}, or the {@code scorefield.home} system property. */
    public static Path defaultHome() {
        String set = System.getProperty("scorefield.home");
        return set != null && !set.isBlank() ? Path.of(set) : Path.of(System.getProperty("user.home"), ".scorefield");
    }

    /** The session file the workspace was last opened from or saved to; null for a new one. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** What the last save or open did, or why it failed. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True while a file is being written or read. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The recent session files, the latest first. */
    public ObservableList<Path> recent() {
        return FXCollections.unmodifiableObservableList(recent);
    }

    Path autosaveFile() {
        return autosave;
    }

    // ---- commands -------------------------------------------------------------------------------

    /** Saves the workspace to {@code target} (atomically, off the FX thread); then it is the current file. */
    public void save(Path target) {
        save(target, true);
    }

    /**
     * Saves to {@code target}; {@code replacing} false when the name is not the one the user chose in
     * the file chooser (an ending added after it), whose question about replacing a file then was
     * about another file: an existing file of that name is left alone and the save refused.
     */
    public void save(Path target, boolean replacing) {
        Session session = codec.capture();
        busy.set(true);
        status.set("Saving " + target.getFileName() + "…");
        jobs.<String>job("session-save-" + ++saves, Lane.FILES).title("Saving " + target.getFileName())
                .onFailure(why -> fail(why.replace("Your work is unchanged.", "The previous file is unchanged.")))
                .onCancelled(() -> fail("Not saved: cancelled. The previous file is unchanged."))
                .start(job -> {
                    if (!replacing) {
                        org.scorefield.core.io.AtomicFiles.taken(target).ifPresent(why -> {
                            throw new InvalidInputException("Not saved: " + why);
                        });
                    }
                    SessionFile.save(session, target, job);
                    return "Saved " + target.getFileName() + ".";
                }, message -> {
                    busy.set(false);
                    status.set(message);
                    file.set(target);
                    remember(target);
                });
    }

    /**
     * Reads {@code source} off the FX thread and, when it is whole and valid, makes it the
     * workspace. A bad file is reported and changes nothing.
     */
    public void open(Path source) {
        open(source, true);
    }

    /**
     * A file dropped on the window: a session opens, a CSV of points is imported as the data;
     * anything else is named in one sentence and changes nothing.
     */
    public void openDropped(Path file) {
        String name = IoReasons.fileName(file).toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(SessionFile.EXTENSION)) {
            open(file);
        } else if (name.endsWith(".csv")) {
            model.importCsv(file);
        } else {
            String message = JsonFields.quote(IoReasons.fileName(file)) + " is neither a session (" + SessionFile.EXTENSION
                    + ") nor points (.csv), the files the window opens; the work is unchanged.";
            status.set(message);
            model.messageProperty().set(message);
        }
    }

    private void open(Path source, boolean becomesCurrent) {
        busy.set(true);
        status.set("Opening " + IoReasons.fileName(source) + "…");
        /** What was read: the session, and when it was saved (read before the file goes). */
        record Opened(Session session, Instant savedAt) {
        }
        jobs.<Opened>job(KEY, Lane.FILES).title("Opening " + IoReasons.fileName(source))
                .onFailure(why -> fail(why.startsWith("Something went wrong")
                        ? "Cannot open " + IoReasons.fileName(source) + ". " + why : why))
                .onCancelled(() -> fail("Not opened: cancelled. The work is unchanged."))
                .start(job -> new Opened(SessionFile.load(source), modified(source)), opened -> {
                    Runnable change;
                    try {
                        change = codec.prepare(opened.session()); // checks everything, changes nothing
                    } catch (InvalidInputException e) {
                        fail("Cannot open " + IoReasons.fileName(source) + ": " + lowerFirst(e.getMessage()));
                        return;
                    }
                    Session before = codec.capture();
                    try {
                        change.run();
                    } catch (RuntimeException e) {
                        // a failure half-way (a bug, not the file): the work as it was comes back, and the
                        // details go to the console for a bug report
                        System.err.println("Scorefield: opening " + source + " failed half-way:");
                        e.printStackTrace();
                        try {
                            codec.apply(before);
                            fail("Cannot open " + IoReasons.fileName(source) + ": an internal error stopped it half-way; "
                                    + "the work is as it was.");
                        } catch (RuntimeException again) {
                            again.printStackTrace();
                            fail("Cannot open " + IoReasons.fileName(source) + ": an internal error stopped it half-way, "
                                    + "and the work could not be put back; save it under another name.");
                        }
                        model.undo().clear(); // the steps recorded half-way and back lead nowhere
                        return;
                    }
                    // the opened work's past is not the past of the work before it: undo starts afresh
                    model.undo().clear();
                    if (!becomesCurrent) {
                        // the crash's work is back: only now are its autosaves no longer needed
                        inBackground("leftovers", this::deleteLeftovers);
                    }
                    busy.set(false);
                    lastAutosaved = null;
                    if (becomesCurrent) {
                        file.set(source);
                        remember(source);
                        status.set("Opened " + IoReasons.fileName(source) + ".");
                    } else {
                        file.set(null);
                        status.set("Restored the work autosaved on " + CLOCK.format(opened.savedAt())
                                + ". Save it to keep it.");
                    }
                    model.messageProperty().set(status.get());
                });
    }

    private void fail(String message) {
        busy.set(false);
        status.set(message);
        model.messageProperty().set(message);
    }

    private static String lowerFirst(String m) {
        return m.isEmpty() ? m : Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }

    /**
     * Looks, on the files' lane, for the newest autosave of a process that has ended, and hands it
     * to {@code found} (on the deliver thread) if there is one.
     */
    public void findCrashed(Consumer<Crashed> found) {
        jobs.<Optional<Crashed>>job("crashed", Lane.FILES).quiet()
                .start(job -> leftovers().stream().max(Comparator.comparing(SessionState::modified))
                        .map(p -> new Crashed(p, modified(p))), crashed -> crashed.ifPresent(found));
    }

    /** Opens what a crash left (it does not become the current file) and deletes the leftovers. */
    public void restore(Crashed crashed) {
        open(crashed.file(), false);
    }

    /** Deletes what a crash left, unopened. */
    public void discard(Crashed crashed) {
        inBackground("leftovers", this::deleteLeftovers);
    }

    /** Work on a file that is only a convenience (an autosave, the recent list, leftovers). */
    private interface FileChore {
        void run() throws IOException;
    }

    /** Runs a chore on the files' lane: no one waits for it, and a failure is not reported. */
    private void inBackground(String key, FileChore chore) {
        jobs.<Boolean>job(key, Lane.FILES).quiet().start(job -> {
            chore.run();
            return true;
        }, done -> { });
    }

    /** Writes the autosave now if the workspace changed since the last one (the window's clock calls it). */
    public void autosave() {
        if (closed || busy.get()) {
            return;
        }
        Session now = codec.capture();
        if (now.equals(lastAutosaved)) {
            return;
        }
        lastAutosaved = now;
        // An autosave that cannot be written (a full disk, say) must not interrupt the lesson: it is
        // not reported, and the next one tries again.
        jobs.<Boolean>job("autosave", Lane.FILES).quiet().onFailure(why -> lastAutosaved = null).start(job -> {
            SessionFile.save(now, autosave);
            return true;
        }, done -> { });
    }

    /**
     * Stops autosaving and deletes this process's autosave: the window closed properly. The file
     * goes on the files' lane, which finishes its work before the program ends; nothing waits here.
     */
    public void close() {
        closed = true;
        inBackground("autosave", () -> Files.deleteIfExists(autosave));
    }

    // ---- files ----------------------------------------------------------------------------------

    private List<Path> leftovers() {
        if (!Files.isDirectory(home)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(home)) {
            return files.filter(p -> {
                String name = p.getFileName().toString();
                if (!name.startsWith(AUTOSAVE_PREFIX) || !name.endsWith(SessionFile.EXTENSION)) {
                    return false;
                }
                String pid = name.substring(AUTOSAVE_PREFIX.length(), name.length() - SessionFile.EXTENSION.length());
                try {
                    long id = Long.parseLong(pid);
                    return id != ProcessHandle.current().pid() && ProcessHandle.of(id).isEmpty();
                } catch (NumberFormatException e) {
                    return false;
                }
            }).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private void deleteLeftovers() {
        for (Path p : leftovers()) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // offered again next time
            }
        }
    }

    private static Instant modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    /** The list of recent sessions: absolute paths of files, one per line (a few kilobytes at most). */
    private List<Path> readRecent() {
        Path list = home.resolve("recent.txt");
        if (!Files.exists(list)) {
            return List.of();
        }
        try (java.io.BufferedReader reader = org.scorefield.core.io.InputFiles.openText(list, 64 * 1024, "recent list");
                Stream<String> lines = reader.lines()) {
            return lines.filter(l -> !l.isBlank() && l.length() <= org.scorefield.core.io.InputFiles.MAX_PATH_CHARS)
                    .map(Path::of).filter(p -> p.isAbsolute() && p.getFileName() != null).distinct()
                    .limit(MAX_RECENT).toList();
        } catch (IOException | RuntimeException e) {
            return List.of(); // a damaged or odd list is only a convenience lost
        }
    }

    private void remember(Path session) {
        Path absolute = session.toAbsolutePath().normalize();
        List<Path> list = new ArrayList<>(recent);
        list.remove(absolute);
        list.add(0, absolute);
        while (list.size() > MAX_RECENT) {
            list.remove(list.size() - 1);
        }
        recent.setAll(list);
        List<String> lines = list.stream().map(Path::toString).toList();
        // a list that cannot be written stays in memory for this run
        inBackground("recent-write", () -> AtomicFiles.write(home.resolve("recent.txt"), out -> {
            for (String line : lines) {
                out.write(line);
                out.write('\n');
            }
        }));
    }
}
