package org.scorefield.app.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.scorefield.core.InvalidInputException;

/** The one background mechanism, driven by hand: what is delivered, what is dropped, and when. */
class JobsTest {

    private final ManualJobs manual = new ManualJobs();
    private final Jobs jobs = manual.jobs;
    private final List<Object> delivered = new ArrayList<>();

    @Test
    void resultsAreHandedBackOnTheDeliverThreadOnly() {
        jobs.submit("k", Lane.QUICK, job -> 42, delivered::add);
        assertTrue(delivered.isEmpty(), "nothing runs at submit");
        assertFalse(jobs.idle());
        manual.runLanes();
        assertTrue(delivered.isEmpty(), "computed, not yet handed back");
        manual.deliver();
        assertEquals(List.of(42), delivered);
        assertTrue(jobs.idle());
    }

    @Test
    void aNewerJobOfTheSameKeySupersedesAndItsPredecessorNeverRuns() {
        AtomicInteger ran = new AtomicInteger();
        jobs.submit("field", Lane.QUICK, job -> {
            ran.incrementAndGet();
            return "old";
        }, delivered::add);
        jobs.submit("field", Lane.QUICK, job -> {
            ran.incrementAndGet();
            return "new";
        }, delivered::add);
        manual.runAll();
        assertEquals(List.of("new"), delivered);
        assertEquals(1, ran.get(), "the superseded job was skipped before it started");
        assertTrue(jobs.idle());
    }

    @Test
    void aLateResultFromASupersededJobIsDropped() {
        Job<?> old = jobs.submit("sample", Lane.SAMPLING, job -> "old", delivered::add);
        manual.runLanes(); // the old job has finished its work; its result waits for the window
        jobs.submit("sample", Lane.SAMPLING, job -> "new", delivered::add);
        manual.runAll();
        assertEquals(List.of("new"), delivered);
        assertTrue(old.superseded());
    }

    @Test
    void aLateResultFromACancelledJobIsDroppedAndItsCancelActionRuns() {
        List<String> cancelled = new ArrayList<>();
        Job<?> job = jobs.<String>job("export", Lane.EXPORT).onCancelled(() -> cancelled.add("cancelled"))
                .start(j -> "written", delivered::add);
        manual.runLanes();
        job.cancel();
        manual.deliver();
        assertTrue(delivered.isEmpty());
        assertEquals(List.of("cancelled"), cancelled);
    }

    @Test
    void workThatCommittedIsDeliveredEvenIfTheCancelComesLate() {
        List<String> cancelled = new ArrayList<>();
        Job<?> job = jobs.<String>job("save", Lane.FILES).onCancelled(() -> cancelled.add("cancelled"))
                .start(j -> {
                    assertTrue(j.commit());
                    return "written";
                }, delivered::add);
        manual.runLanes(); // the file is in place; the window has not heard yet
        job.cancel(); // a Cancel pressed in that moment
        manual.deliver();
        assertEquals(List.of("written"), delivered, "what was done is reported as done");
        assertTrue(cancelled.isEmpty());
        assertFalse(job.cancelled());
        assertTrue(job.committed());
    }

    @Test
    void aCancelledJobCannotCommit() {
        List<String> cancelled = new ArrayList<>();
        List<Boolean> committed = new ArrayList<>();
        Job<?>[] self = new Job<?>[1];
        self[0] = jobs.<String>job("save", Lane.FILES).onCancelled(() -> cancelled.add("cancelled"))
                .start(j -> {
                    self[0].cancel(); // pressed while the file was being made
                    committed.add(j.commit());
                    j.commitOrStop();
                    return "written";
                }, delivered::add);
        manual.runAll();
        assertEquals(List.of(false), committed);
        assertTrue(delivered.isEmpty());
        assertEquals(List.of("cancelled"), cancelled);
    }

    @Test
    void workThatChecksStopsWhenCancelled() {
        List<String> cancelled = new ArrayList<>();
        AtomicInteger units = new AtomicInteger();
        Job<?>[] self = new Job<?>[1];
        self[0] = jobs.<String>job("compute", Lane.COMPUTE).onCancelled(() -> cancelled.add("stopped"))
                .start(job -> {
                    for (int i = 0; i < 100; i++) {
                        job.check();
                        units.incrementAndGet();
                        if (i == 9) {
                            self[0].cancel(); // as a Cancel button pressed meanwhile
                        }
                    }
                    return "done";
                }, delivered::add);
        manual.runAll();
        assertEquals(10, units.get(), "stopped at the first check after the cancel");
        assertTrue(delivered.isEmpty());
        assertEquals(List.of("stopped"), cancelled);
        assertTrue(manual.errors.isEmpty(), "a cancel is not a failure");
    }

    @Test
    void aFailureIsOneSentenceAndASupersededFailureIsNotReported() {
        List<String> failures = new ArrayList<>();
        jobs.<String>job("a", Lane.QUICK).onFailure(failures::add).start(job -> {
            throw new InvalidInputException("There are no data points.");
        }, delivered::add);
        jobs.<String>job("b", Lane.QUICK).onFailure(failures::add).start(job -> {
            throw new IllegalStateException("boom");
        }, delivered::add);
        manual.runAll();
        assertEquals(List.of("There are no data points.",
                "Something went wrong (an internal error). Your work is unchanged."), failures);
        assertEquals(failures, manual.errors);

        jobs.<String>job("c", Lane.QUICK).onFailure(failures::add).start(job -> {
            throw new InvalidInputException("old news");
        }, delivered::add);
        manual.runLanes();
        jobs.submit("c", Lane.QUICK, job -> "fresh", delivered::add);
        manual.runAll();
        assertEquals(2, failures.size(), "the superseded job's failure is not reported");
        assertEquals(List.of("fresh"), delivered);
    }

    @Test
    void anOpenJobMergesWhatItsThreadPublishesAndDropsItOnceRetired() {
        List<List<Integer>> received = new ArrayList<>();
        Job<List<Integer>> run1 = jobs.open("training", "Training", received::add, (a, b) -> {
            List<Integer> both = new ArrayList<>(a);
            both.addAll(b);
            return both;
        });
        run1.publish(List.of(1));
        run1.publish(List.of(2, 3)); // faster than the window takes them: merged, nothing lost
        manual.deliver();
        assertEquals(List.of(List.of(1, 2, 3)), received);

        run1.publish(List.of(4)); // published, not yet delivered, when a new run starts
        Job<List<Integer>> run2 = jobs.open("training", "Training", received::add, (a, b) -> b);
        run2.publish(List.of(100));
        manual.deliver();
        assertEquals(List.of(List.of(1, 2, 3), List.of(100)), received, "the previous run's update is ignored");
        assertTrue(run1.superseded());
    }

    @Test
    void listenersSeeRunningJobsWithTheirProgress() {
        List<String> seen = new ArrayList<>();
        jobs.addListener(running -> running.forEach(j -> seen.add(j.title() + " " + j.phase() + " " + j.fraction())));
        jobs.<String>job("compute", Lane.COMPUTE).title("Computing").start(job -> {
            job.update("reference", 0.5);
            manual.deliver(); // the window's pulse while the work runs
            return "ok";
        }, delivered::add);
        manual.runAll();
        assertTrue(seen.contains("Computing reference 0.5"), seen.toString());
        assertEquals(List.of("ok"), delivered);
        assertTrue(jobs.running().isEmpty());
    }

    @Test
    void aCancelledJobThatThrowsIsReportedAsCancelled() {
        List<String> cancelled = new ArrayList<>();
        Job<?> job = jobs.<String>job("reflow", Lane.REFLOW).onCancelled(() -> cancelled.add("x"))
                .start(j -> {
                    throw new CancellationException("stopped");
                }, delivered::add);
        job.cancel();
        manual.runAll();
        assertEquals(List.of("x"), cancelled);
        assertTrue(manual.errors.isEmpty());
    }

    @Test
    void anErrorIsReportedLikeAnyFailureAndTheJobEnds() {
        List<String> failures = new ArrayList<>();
        jobs.<String>job("load", Lane.TRAINING).onFailure(failures::add).start(job -> {
            throw new UnsatisfiedLinkError("no libnd4jcpu in java.library.path");
        }, delivered::add);
        manual.runAll();
        assertEquals(1, failures.size());
        assertEquals("Something went wrong (a native library could not be loaded). Your work is unchanged.",
                failures.get(0));
        assertTrue(jobs.idle(), "the job ended: nothing waits for it");
        assertEquals(null, jobs.current("load"));
    }

    @Test
    void aDroppedJobDeliversNothingNotEvenItsCancel() {
        List<String> cancelled = new ArrayList<>();
        jobs.<String>job("field", Lane.QUICK).onCancelled(() -> cancelled.add("x")).start(job -> "old",
                delivered::add);
        manual.runLanes();
        jobs.drop("field");
        manual.deliver();
        assertTrue(delivered.isEmpty());
        assertTrue(cancelled.isEmpty(), "the caller that dropped it resets what it would have changed");
        assertTrue(jobs.idle());
    }

    @Test
    void closingCancelsTheWorkButLetsTheFilesBeWritten() {
        List<String> ran = new ArrayList<>();
        Job<?> compute = jobs.submit("compute", Lane.COMPUTE, job -> {
            ran.add("compute " + job.cancelled());
            return "";
        }, delivered::add);
        Job<?> save = jobs.submit("save", Lane.FILES, job -> {
            ran.add("save " + job.cancelled());
            return "";
        }, delivered::add);
        jobs.close();
        manual.runLanes();
        assertTrue(compute.cancelled());
        assertFalse(save.cancelled(), "a file being saved is written whole");
        assertEquals(List.of("save false"), ran, "the cancelled work never started");
        manual.deliver();
        assertTrue(delivered.isEmpty(), "nothing is handed to a window that has closed");
    }

    @Test
    void aQuietFailureReachesOnlyItsOwnHandler() {
        List<String> failures = new ArrayList<>();
        jobs.<String>job("autosave", Lane.FILES).quiet().onFailure(failures::add).start(job -> {
            throw new InvalidInputException("Cannot write autosave: no space left on device.");
        }, delivered::add);
        manual.runAll();
        assertEquals(1, failures.size());
        assertTrue(manual.errors.isEmpty(), "the status bar is not told");
    }
}
