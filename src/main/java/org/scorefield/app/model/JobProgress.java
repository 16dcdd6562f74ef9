package org.scorefield.app.model;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.scorefield.app.jobs.Job;
import org.scorefield.app.jobs.Jobs;

/**
 * Whether the job of one key runs and how far it has got, as properties a panel binds its buttons,
 * a progress bar and a caption to. It follows what the job reports from {@link #start} until the
 * owner sets the last word itself when the job ends ({@link #set}). Lives on the deliver thread of
 * the jobs.
 */
public final class JobProgress {

    private final Jobs jobs;
    private final String key;
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper phase = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();

    public JobProgress(Jobs jobs, String key) {
        this.jobs = jobs;
        this.key = key;
        jobs.addListener(running -> follow());
    }

    /** True from {@link #start} to {@link #set}: while the owner's job runs. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The running job's share done, 0..1 (0 while it cannot tell). */
    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    /** What the running job is doing, or the owner's last word. */
    ReadOnlyStringProperty phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** Follows the key's job from now until {@link #set}, starting from this phase. */
    public void start(String firstPhase) {
        running.set(true);
        fraction.set(0);
        phase.set(firstPhase);
    }

    /** Stops following and shows this instead (what the job did, or why it stopped). */
    public void set(String finalPhase, double finalFraction) {
        running.set(false);
        phase.set(finalPhase);
        fraction.set(finalFraction);
    }

    private void follow() {
        Job<?> job = jobs.current(key);
        if (!running.get() || job == null || job.finished() || job.startedNanos() == 0) {
            return;
        }
        fraction.set(Math.max(0, job.fraction()));
        if (!job.phase().isEmpty()) {
            phase.set(job.phase());
        }
    }
}
