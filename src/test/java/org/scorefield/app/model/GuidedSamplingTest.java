package org.scorefield.app.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scorefield.app.jobs.ManualJobs;
import org.scorefield.app.settings.HeatmapLayer;
import org.scorefield.app.settings.Settings;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.guidance.ExactGuidance;
import org.scorefield.core.sample.Recording;
import org.scorefield.core.sample.SamplerKind;
import org.scorefield.core.sample.SamplerSettings;
import org.scorefield.core.sample.Sampling;

/** Guidance as the window drives it, against the core's exact guidance computed directly. */
class GuidedSamplingTest {

    private final ManualJobs manual = new ManualJobs();
    private final ExplorerModel model = new ExplorerModel(manual.jobs);
    private final SamplingState sampling = model.sampling();

    {
        model.data().presetProperty().set(DatasetPreset.GMM_LABELLED);
        sampling.countProperty().set(400);
        sampling.solverProperty().set(SamplerKind.HEUN);
        sampling.stepsProperty().set(32);
    }

    /** One training step of a small network, handed to the window (its worker publishes on its own thread). */
    private void trainOneStep() throws InterruptedException {
        TrainingState training = model.training();
        training.widthProperty().set(32);
        training.depthProperty().set(1);
        training.step();
        manual.runLanes();
        manual.deliverWaiting();
        for (int i = 0; i < 600 && training.model().isEmpty(); i++) {
            Thread.sleep(50);
            manual.deliverWaiting();
        }
    }

    private SamplingState.Run sample() {
        sampling.resample();
        manual.runAll();
        return sampling.runsProperty().get().single();
    }

    private static double[] last(SamplingState.Run run) {
        double[][] rows = run.trajectories().positions();
        return rows[rows.length - 1];
    }

    @Test
    void aClassAtOmegaOneSamplesThatClassAsTheCoreDoesWithTwiceNoCost() {
        sampling.guidedClassProperty().set(1);
        sampling.omegaProperty().set(1);
        SamplingState.Run run = sample();
        ExactGuidance exact = new ExactGuidance(DatasetPreset.GMM_LABELLED.mixture().orElseThrow(),
                model.process().schedule());
        SamplerSettings settings = sampling.settings();
        double[] expected = Sampling.fromPrior(exact.conditional(1), settings, 400, sampling.seedProperty().get(),
                Recording.NONE).samples();
        assertArrayEquals(expected, last(run), 0.0, "ω = 1 is the class's own oracle");
        assertEquals(2 * 32 + 1, run.nfe(), "ω = 1 costs one evaluation a call");
        var figures = run.guided().orElseThrow();
        assertTrue(figures.classFraction() >= 0.97, "in class: " + figures.classFraction());
        assertTrue(figures.sw2Class().ratio() <= 1.5, "SW2/floor to the class: " + figures.sw2Class().ratio());
        assertArrayEquals(new int[] {1, 1, 1}, java.util.Arrays.copyOf(run.headClasses(), 3));
    }

    @Test
    void omegaZeroIsTheUnguidedRunBitForBitAndAGuidedOneCostsTwice() {
        SamplingState.Run plain = sample();
        assertNull(plain.headClasses());
        sampling.guidedClassProperty().set(2);
        sampling.omegaProperty().set(0);
        assertArrayEquals(last(plain), last(sample()), 0.0);
        sampling.omegaProperty().set(3);
        SamplingState.Run guided = sample();
        assertEquals(2 * plain.nfe(), guided.nfe(), "ω ∉ {0, 1}: the class's and the whole's denoiser each call");
        assertEquals(guided.nfe(), sampling.nfe(), "the NFE shown before sampling is the run's");
    }

    @Test
    void eachSampleItsOwnClassGivesEveryClassItsShare() {
        sampling.guidedClassProperty().set(Settings.EACH_CLASS);
        sampling.omegaProperty().set(1);
        SamplingState.Run run = sample();
        int[] classes = run.headClasses();
        assertEquals(400, classes.length);
        ExactGuidance exact = new ExactGuidance(DatasetPreset.GMM_LABELLED.mixture().orElseThrow(),
                model.process().schedule());
        // each sample lands in its own class, by the exact classifier of the data
        double[] p = exact.classifier(last(run), 0);
        int agree = 0;
        for (int i = 0; i < classes.length; i++) {
            int best = 0;
            for (int c = 1; c < exact.classes(); c++) {
                best = p[i * exact.classes() + c] > p[i * exact.classes() + best] ? c : best;
            }
            agree += best == classes[i] ? 1 : 0;
        }
        assertTrue(agree >= 0.97 * classes.length, agree + " of " + classes.length + " in their own class");
        assertEquals((double) agree / classes.length, run.guided().orElseThrow().classFraction(), 1e-12,
                "the status bar's share is this count");
    }

    @Test
    void theMoonsPointsAreGuidedByTheirMemorisingOracleAndOmegaZeroChangesNothing() {
        model.data().presetProperty().set(DatasetPreset.MOONS);
        SamplingState.Run plain = sample();
        sampling.guidedClassProperty().set(1);
        sampling.omegaProperty().set(0);
        assertArrayEquals(last(plain), last(sample()), 0.0, "ω = 0 is the unguided run bit for bit");
        sampling.omegaProperty().set(1);
        SamplingState.Run guided = sample();
        assertTrue(guided.guided().orElseThrow().classFraction() >= 0.97,
                "moons, class 1: " + guided.guided().orElseThrow().classFraction());
        // independently: the nearest data point of each sample is labelled 1
        var points = model.data().data().points();
        double[] end = last(guided);
        int ones = 0;
        for (int i = 0; i < end.length / 2; i++) {
            int best = 0;
            double bestD = Double.MAX_VALUE;
            for (int k = 0; k < points.size(); k++) {
                double dx = end[2 * i] - points.x(k);
                double dy = end[2 * i + 1] - points.y(k);
                if (dx * dx + dy * dy < bestD) {
                    bestD = dx * dx + dy * dy;
                    best = k;
                }
            }
            ones += points.label(best) == 1 ? 1 : 0;
        }
        assertEquals(ones / (end.length / 2.0), guided.guided().orElseThrow().classFraction(), 1e-12);
    }

    @Test
    void dataOfOneClassIsNotGuidedAndSaysWhy() {
        model.data().presetProperty().set(DatasetPreset.GAUSSIAN);
        sampling.guidedClassProperty().set(0);
        assertTrue(sampling.guidanceChoice().unavailable(model.samplingChoice()).isPresent());
        SamplingState.Run run = sample();
        assertTrue(run.guided().isEmpty());
        assertNull(run.headClasses());
    }

    @Test
    void aClassNoPointHasIsNotGuidedAndSaysSoInASentence() {
        model.data().clear();
        model.data().brush(-1, 0, 0.3, 30, 0);
        model.data().brush(1, 0, 0.3, 30, 3); // classes 0 and 3: 1 and 2 are empty
        sampling.guidedClassProperty().set(1);
        assertEquals(java.util.Optional.of("No point has class 1: draw some in class 1 with the brush, or choose a "
                + "class the data has."), sampling.guidanceChoice().unavailable(model.samplingChoice()));
        SamplingState.Run run = sample();
        assertTrue(run.guided().isEmpty(), "sampled unguided");
        assertNull(run.headClasses());
        sampling.guidedClassProperty().set(3);
        assertTrue(sampling.guidanceChoice().unavailable(model.samplingChoice()).isEmpty(), "a drawn class is guided");
        SamplingState.Run drawn = sample();
        assertEquals(3, drawn.headClasses()[0]);
    }

    @Test
    void theClassifierHeatmapIsAProbabilityThatMatchesTheCore() {
        sampling.guidedClassProperty().set(0);
        model.view().heatmapProperty().set(HeatmapLayer.CLASSIFIER);
        model.view().showDensityProperty().set(true);
        model.view().timeProperty().set(0.3);
        manual.runAll();
        FieldLayers.Layers layers = model.layers().layersProperty().get();
        assertEquals(HeatmapLayer.CLASSIFIER, layers.heat());
        var grid = layers.density();
        ExactGuidance exact = new ExactGuidance(DatasetPreset.GMM_LABELLED.mixture().orElseThrow(),
                model.process().schedule());
        double[] p = exact.classifier(grid.spec().points(), 0.3);
        for (int k = 0; k < grid.values().length; k += 97) {
            assertEquals(p[k * exact.classes()], grid.values()[k], 1e-12);
        }
        // the tilted density integrates to one on the grid
        model.view().heatmapProperty().set(HeatmapLayer.TILTED);
        sampling.omegaProperty().set(4);
        manual.runAll();
        var tilted = model.layers().layersProperty().get().density();
        double mass = 0;
        for (double v : tilted.values()) {
            mass += Math.exp(v) * tilted.spec().dx() * tilted.spec().dy();
        }
        assertEquals(1, mass, 1e-9);
    }

    @Test
    void aModelIsGuidedByTheClassifierTrainedForItsDataAtOneNetworkEvaluationAStep() throws InterruptedException {
        TrainingState training = model.training();
        training.conditionalProperty().set(true);
        trainOneStep();
        assertTrue(training.model().isPresent());
        assertEquals(3, training.model().get().architecture().classes(), "conditional: gmm-labelled's classes");
        sampling.guidedClassProperty().set(2);
        sampling.guidanceProperty().set(org.scorefield.app.settings.GuidanceKind.CLASSIFIER);
        sampling.omegaProperty().set(2);
        assertTrue(sampling.guidanceChoice().unavailable(model.samplingChoice()).orElse("")
                .contains("Train classifier"), "no classifier yet: the sentence says how to get one");

        java.util.List<String> said = new java.util.ArrayList<>();
        model.classifier().train(said::add);
        manual.runAll();
        assertTrue(said.get(said.size() - 1).startsWith("Trained a noisy classifier of the 3 classes"), said.toString());
        var classifier = model.samplingChoice().model().classifier().orElseThrow();
        // the classifier of nearly clean points agrees with the exact one (Bayes) on fresh data
        var data = model.data().data();
        ExactGuidance exact = new ExactGuidance(DatasetPreset.GMM_LABELLED.mixture().orElseThrow(),
                model.process().schedule());
        double[] xy = DatasetPreset.GMM_LABELLED.sample(2000, 99).xy();
        int[] learned = classifier.classify(xy, 0.01);
        int[] truth = org.scorefield.core.nn.NoisyClassifier.argmax(exact.classifier(xy, 0.01), 3);
        int agree = 0;
        for (int i = 0; i < learned.length; i++) {
            agree += learned[i] == truth[i] ? 1 : 0;
        }
        assertTrue(agree >= 0.95 * learned.length, agree + " of " + learned.length + " agree with Bayes");
        assertTrue(sampling.guidanceChoice().unavailable(model.samplingChoice()).isEmpty());

        SamplingState.Run guided = sample();
        assertEquals(org.scorefield.app.settings.GuidanceKind.CLASSIFIER, guided.guidance().kind());
        assertEquals(2 * 32 + 1, guided.nfe(), "the classifier is not the network: one network evaluation a call");
        assertTrue(guided.guided().isPresent());
        // Reset forgets the classifier with the model
        training.reset();
        manual.runAll();
        assertTrue(model.classifier().trainedProperty().get() == null);
        assertTrue(data == model.data().data());
    }

    /** Classifier guidance needs no class input: an unconditional model is guided by the classifier alone. */
    @Test
    void anUnconditionalModelIsGuidedByItsClassifierButNotWithoutOne() throws InterruptedException {
        TrainingState training = model.training();
        trainOneStep();
        assertEquals(0, training.model().orElseThrow().architecture().classes());
        sampling.guidedClassProperty().set(0);
        assertTrue(sampling.guidanceChoice().unavailable(model.samplingChoice()).orElse("")
                .startsWith("This model was trained without classes"), "classifier-free guidance needs them");
        sampling.guidanceProperty().set(org.scorefield.app.settings.GuidanceKind.CLASSIFIER);
        model.classifier().train(s -> { });
        manual.runAll();
        assertEquals(java.util.Optional.empty(), sampling.guidanceChoice().unavailable(model.samplingChoice()));
        SamplingState.Run guided = sample();
        assertEquals(0, guided.guidance().target(), "guided, not sampled unguided");
        assertTrue(guided.guided().isPresent());
    }

    /** In the A vs B view B is guided as A is and judged against the same class. */
    @Test
    void theCompareViewGuidesBAsA() {
        sampling.driverProperty().set(org.scorefield.app.settings.Driver.EXACT);
        model.compare().variesProperty().set(org.scorefield.app.settings.ComparedSetting.SCHEDULE);
        model.compare().scheduleProperty().set(org.scorefield.core.schedule.ScheduleKind.VE);
        model.view().compareProperty().set(true);
        sampling.guidedClassProperty().set(1);
        sampling.omegaProperty().set(1);
        sample();
        manual.runAll();
        SamplingState.Run b = model.compare().runProperty().get();
        assertEquals(1, b.guidance().target());
        assertTrue(b.guided().orElseThrow().classFraction() >= 0.97, "B under VE, class 1: "
                + b.guided().orElseThrow().classFraction());
    }

    @Test
    void aGuidedRunTakesNoSwirlAndSaysSo() {
        // a guided ŝ is not ∇log of the p_t the particles follow: sσJŝ would not keep it (docs/math.md §8.11)
        sampling.guidedClassProperty().set(1);
        sampling.omegaProperty().set(3);
        SamplingState.Run plain = sample();
        assertTrue(!plain.source().contains("swirl"), plain.source());
        sampling.swirlProperty().set(2);
        SamplingState.Run off = sample();
        assertTrue(off.source().endsWith(" (swirl off: guided)"), off.source());
        assertArrayEquals(last(plain), last(off), 0.0, "the unswirled guided run bit for bit");
    }
}
