package org.scorefield.core.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Titles name what a run is: of Euler–Maruyama's same-marginals family only η = 1 is the reverse
 * SDE and η = 0 the probability-flow ODE (docs/math.md §5).
 */
class SamplerSettingsTitleTest {

    private static String sde(double eta) {
        return SamplerSettings.defaults(SamplerKind.SDE).withEta(eta).title();
    }

    @Test
    void onlyEtaOneIsTheReverseSde() {
        assertEquals("PF-ODE  (η = 0)", sde(0));
        assertEquals("reverse SDE  (η = 1)", sde(1));
        assertEquals("same-marginal SDE  (η = 0.50)", sde(0.5));
        assertEquals("same-marginal SDE  (η = 2.0)", sde(2));
    }

    @Test
    void otherMethodsGiveTheirName() {
        for (SamplerKind kind : SamplerKind.values()) {
            if (kind != SamplerKind.SDE) {
                assertEquals(kind.displayName(), SamplerSettings.defaults(kind).title(), kind.id());
            }
        }
    }
}
