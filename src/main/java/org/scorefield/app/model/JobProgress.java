package org.scorefield.app.model;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.scorefield.app.jobs.Job;
import org.scorefield.app.jobs.Jobs;

/**
 * How far the running job of one key has got, as properties a panel binds a progress bar and a
 * caption to. It follows what the job reports while its owner says it runs; the owner sets the
 * last word itself when the job ends ({@link #set}). Lives on the deliver thread of the jobs.
 */
public final class JobProgress {

    private final Jobs jobs;
    private final String key;
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper phase = new ReadOnlyStringWrapper("");
    private boolean following;

    public JobProgress(Jobs jobs, String key) {
        this.jobs = jobs;
        this.key = key;
        jobs.addListener(running -> follow());
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
        following = true;
        fraction.set(0);
        phase.set(firstPhase);
    }

    /** Stops following and shows this instead (what the job did, or why it stopped). */
    public void set(String finalPhase, double finalFraction) {
        following = false;
        phase.set(finalPhase);
        fraction.set(finalFraction);
    }

    private void follow() {
        Job<?> job = jobs.current(key);
        if (!following || job == null || job.finished() || job.startedNanos() == 0) {
            return;
        }
        fraction.set(Math.max(0, job.fraction()));
        if (!job.phase().isEmpty()) {
            phase.set(job.phase());
        }
    }
}
