package org.scorefield.core.session;

import java.util.Optional;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.nn.Architecture;
import org.scorefield.core.nn.Objective;
import org.scorefield.core.nn.Parameterization;
import org.scorefield.core.nn.TrainedModel;
import org.scorefield.core.nn.TrainingSettings;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.schedule.ScheduleKind;

/** Sessions for the tests: drawn points, a model with seeded weights, settings of every type. */
final class Sessions {

    private Sessions() {
    }

    /** A flow-matching model from 8 Gaussians at Reflow round {@code round}, with seeded weights. */
    static TrainedModel flow(int width, int depth, long seed, int round) {
        TrainedModel m = model(width, depth, seed);
        return new TrainedModel(m.architecture(), Parameterization.of(Objective.FLOW_MATCHING,
                ScheduleKind.LINEAR.createDefault()), m.weights(), m.settings(), "drawn", 500, 0.5,
                org.scorefield.core.flow.FlowSetup.of(org.scorefield.core.flow.FlowSource.of(DatasetPreset.EIGHT_GAUSSIANS),
                        org.scorefield.core.flow.Coupling.independent()).withRound(round));
    }

    static TrainedModel model(int width, int depth, long seed) {
        Architecture a = Architecture.defaults().withSize(width, depth);
        float[] w = new float[a.parameterCount()];
        SeededRandom random = new SeededRandom(seed);
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) random.nextUniform(-1, 1);
        }
        return new TrainedModel(a, Parameterization.of(Objective.DEFAULT, ScheduleKind.VP.createDefault()), w,
                TrainingSettings.defaults(seed), "drawn", 1234, 0.25);
    }

    /** Drawn points (no preset), a VE process with changed constants, a model, and {@code round} as a setting. */
    static Session session(int points, TrainedModel model, long round) {
        PointSet drawn = DatasetPreset.SPIRALS.sample(points, 3);
        var process = ScheduleKind.VE.create(java.util.Map.of("sigma_max", 40.0));
        Session.Settings settings = Session.Settings.builder()
                .put("sampling.solver", "heun")
                .put("sampling.steps", 48L)
                .put("sampling.eta", 0.5)
                .put("view.split", true)
                .put("view.time", 1.0)
                .put("test.round", round)
                .build();
        return new Session(new Session.Data("drawn", Optional.empty(), 1000, 11, drawn), process,
                Optional.ofNullable(model), settings);
    }
}
