package org.scorefield.app;

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.io.AtomicFiles;
import org.scorefield.core.session.Session;
import org.scorefield.core.session.SessionFile;

/**
 * Session files for the window: save, save as, open, the recent sessions, and an autosave that
 * survives a crash.
 *
 * <p>The workspace is captured on the FX thread (references to immutable data, so it is quick)
 * and written on a thread of its own, atomically; a file is read and checked on that thread and
 * applied on the FX thread only when it is whole, so a bad file changes nothing.
 *
 * <p>Autosave: every {@link #AUTOSAVE_SECONDS} s (60), when the workspace has changed, it goes to
 * {@code home/autosave-PID.scorefield}; a clean exit deletes that file. At start, an autosave
 * whose process has ended is what a crash left: {@link #crashed()} offers it. The recent sessions
 * are a list of paths in {@code home/recent.txt}. {@code home} is {@code ~/.scorefield}, or the
 * {@code scorefield.home} system property. Lives on the FX thread.
 */
public final class SessionState implements AutoCloseable {

    /** Seconds between autosaves: 60, or the {@code scorefield.autosave.seconds} system property. */
    static final double AUTOSAVE_SECONDS = autosaveSeconds();
    static final int MAX_RECENT = 8;
    private static final String AUTOSAVE_PREFIX = "autosave-";
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
    private final Path home;
    private final Path autosave;
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "scorefield-session-io");
        t.setDaemon(true);
        return t;
    });
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final Timeline autosaveTimer;
    private Session lastAutosaved;
    private boolean closed;

    SessionState(ExplorerModel model, ExportState export, Path home) {
        this.model = model;
        this.codec = new SessionCodec(model, export);
        this.home = home;
        this.autosave = home.resolve(AUTOSAVE_PREFIX + ProcessHandle.current().pid() + SessionFile.EXTENSION);
        recent.setAll(readRecent());
        autosaveTimer = new Timeline(new KeyFrame(Duration.seconds(AUTOSAVE_SECONDS), e -> autosave()));
        autosaveTimer.setCycleCount(Timeline.INDEFINITE);
        autosaveTimer.play();
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
    static Path defaultHome() {
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
        Session session = codec.capture();
        busy.set(true);
        status.set("Saving " + target.getFileName() + "…");
        io.execute(() -> {
            String outcome;
            boolean ok;
            try {
                SessionFile.save(session, target);
                outcome = "Saved " + target.getFileName() + ".";
                ok = true;
            } catch (InvalidInputException e) {
                outcome = e.getMessage();
                ok = false;
            } catch (RuntimeException | Error e) {
                outcome = "Cannot write " + target.getFileName() + " (" + e + "). The previous file is unchanged.";
                ok = false;
            }
            String message = outcome;
            boolean saved = ok;
            Platform.runLater(() -> {
                busy.set(false);
                status.set(message);
                if (saved) {
                    file.set(target);
                    remember(target);
                } else {
                    model.messageProperty().set(message);
                }
            });
        });
    }

    /**
     * Reads {@code source} off the FX thread and, when it is whole and valid, makes it the
     * workspace. A bad file is reported and changes nothing.
     */
    public void open(Path source) {
        open(source, true);
    }

    private void open(Path source, boolean becomesCurrent) {
        Instant savedAt = modified(source); // before the file goes
        busy.set(true);
        status.set("Opening " + source.getFileName() + "…");
        io.execute(() -> {
            Session session;
            try {
                session = SessionFile.load(source);
            } catch (InvalidInputException e) {
                Platform.runLater(() -> fail(e.getMessage()));
                return;
            } catch (RuntimeException | Error e) {
                Platform.runLater(() -> fail("Cannot open " + source.getFileName() + " (" + e + "). The work is "
                        + "unchanged."));
                return;
            }
            Platform.runLater(() -> {
                try {
                    codec.apply(session);
                } catch (InvalidInputException e) {
                    fail("Cannot open " + source.getFileName() + ": " + lowerFirst(e.getMessage()));
                    return;
                } catch (RuntimeException e) {
                    fail("Cannot open " + source.getFileName() + " (" + e + ").");
                    return;
                }
                if (!becomesCurrent) {
                    // the crash's work is back: only now are its autosaves no longer needed
                    io.execute(this::deleteLeftovers);
                }
                busy.set(false);
                lastAutosaved = null;
                if (becomesCurrent) {
                    file.set(source);
                    remember(source);
                    status.set("Opened " + source.getFileName() + ".");
                } else {
                    file.set(null);
                    status.set("Restored the work autosaved on " + CLOCK.format(savedAt)
                            + ". Save it to keep it.");
                }
                model.messageProperty().set(status.get());
            });
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

    /** The newest autosave of a process that has ended, if one is there. */
    public Optional<Crashed> crashed() {
        return leftovers().stream().max(Comparator.comparing(SessionState::modified))
                .map(p -> new Crashed(p, modified(p)));
    }

    /** Opens what a crash left (it does not become the current file) and deletes the leftovers. */
    public void restore(Crashed crashed) {
        open(crashed.file(), false);
    }

    /** Deletes what a crash left, unopened. */
    public void discard(Crashed crashed) {
        io.execute(this::deleteLeftovers);
    }

    /** Writes the autosave now if the workspace changed since the last one (the timer calls it). */
    void autosave() {
        if (closed || busy.get()) {
            return;
        }
        Session now = codec.capture();
        if (now.equals(lastAutosaved)) {
            return;
        }
        lastAutosaved = now;
        if (io.isShutdown()) {
            return;
        }
        io.execute(() -> {
            try {
                SessionFile.save(now, autosave);
            } catch (InvalidInputException e) {
                // An autosave that cannot be written (a full disk, say) must not interrupt the lesson;
                // the next one tries again.
                Platform.runLater(() -> lastAutosaved = null);
            }
        });
    }

    /** Stops autosaving and deletes this process's autosave: the window closed properly. */
    @Override
    public void close() {
        closed = true;
        autosaveTimer.stop();
        io.execute(() -> {
            try {
                Files.deleteIfExists(autosave);
            } catch (IOException e) {
                // a stale autosave is offered once at the next start, then deleted
            }
        });
        io.shutdown();
        try {
            io.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

    private List<Path> readRecent() {
        Path list = home.resolve("recent.txt");
        if (!Files.isRegularFile(list)) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(list)) {
            return lines.filter(l -> !l.isBlank()).map(Path::of).distinct().limit(MAX_RECENT).toList();
        } catch (IOException | java.io.UncheckedIOException | java.nio.file.InvalidPathException e) {
            return List.of(); // a damaged list is only a convenience lost
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
        if (io.isShutdown()) {
            return; // the window closed meanwhile: the list is written at the next save
        }
        List<String> lines = list.stream().map(Path::toString).toList();
        io.execute(() -> {
            try {
                AtomicFiles.write(home.resolve("recent.txt"), out -> {
                    for (String line : lines) {
                        out.write(line);
                        out.write('\n');
                    }
                });
            } catch (IOException e) {
                // the list stays in memory for this run
            }
        });
    }
}
