package org.scorefield.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scorefield.core.schedule.ScheduleKind;
import org.scorefield.core.schedule.VeGeometric;
import org.scorefield.core.schedule.VpLinear;

class ProcessStateTest {

    @Test
    void startsWithThePapersConstants() {
        ProcessState p = new ProcessState();
        assertEquals(new VpLinear(0.1, 20), p.schedule());
    }

    @Test
    void aSavedScheduleComesBackInOneChangeWithoutPassingThroughTheDefaults() {
        ProcessState p = new ProcessState();
        java.util.List<Object> seen = new java.util.ArrayList<>();
        p.scheduleProperty().addListener((obs, old, s) -> seen.add(s));
        p.kindProperty().addListener((obs, old, k) -> seen.add(p.value("sigma_max"))); // as the sliders read it
        p.restore(new VeGeometric(0.02, 30));
        assertEquals(java.util.List.of(30.0, new VeGeometric(0.02, 30)), seen);
        assertEquals(ScheduleKind.VE, p.kindProperty().get());
    }

    @Test
    void raisingTheMinimumAboveTheMaximumPushesTheMaximumAlong() {
        ProcessState p = new ProcessState();
        p.set("beta_max", 2);
        double set = p.set("beta_min", 4);
        assertEquals(4, set, 1e-12);
        assertTrue(p.value("beta_max") >= 4 * ProcessState.PAIR_GAP - 1e-12, "β_max " + p.value("beta_max"));
        assertEquals(new VpLinear(4, p.value("beta_max")), p.schedule());
    }

    @Test
    void loweringTheMaximumBelowTheMinimumPushesTheMinimumDown() {
        ProcessState p = new ProcessState();
        p.set("beta_min", 3);
        p.set("beta_max", 1);
        assertEquals(1, p.value("beta_max"), 1e-12);
        assertTrue(p.value("beta_min") <= 1 / ProcessState.PAIR_GAP + 1e-12);
    }

    @Test
    void valuesAreClampedToTheSliderRangeAndNonFiniteOnesIgnored() {
        ProcessState p = new ProcessState();
        assertEquals(50, p.set("beta_max", 1e9), 1e-12);
        assertEquals(20, p.set("beta_max", Double.NaN), 1e-12);
    }

    @Test
    void aNewKindStartsFromItsDefaults() {
        ProcessState p = new ProcessState();
        p.set("beta_max", 5);
        p.kindProperty().set(ScheduleKind.VE);
        assertEquals(ScheduleKind.VE.createDefault(), p.schedule());
        p.set("sigma_max", 10);
        assertEquals(new VeGeometric(0.01, 10), p.schedule());
        p.resetConstants();
        assertEquals(ScheduleKind.VE.createDefault(), p.schedule());
    }
}
