package org.scorefield.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scorefield.core.InvalidInputException;

class DatasetPresetTest {

    private static final int N = 20_000;

    /** The standard deviations documented in the enum's Javadoc. */
    private static final Map<DatasetPreset, double[]> DOCUMENTED_STD = new EnumMap<>(Map.of(
            DatasetPreset.MOONS, new double[] {1.227, 0.703},
            DatasetPreset.EIGHT_GAUSSIANS, new double[] {0.970, 0.970},
            DatasetPreset.CHECKERBOARD, new double[] {1, 1},
            DatasetPreset.SWISS_ROLL, new double[] {0.976, 1.024},
            DatasetPreset.RINGS, new double[] {1, 1},
            DatasetPreset.SPIRALS, new double[] {1.017, 0.983},
            DatasetPreset.PINWHEEL, new double[] {1, 1},
            DatasetPreset.GMM_LABELLED, new double[] {0.751, 0.923},
            DatasetPreset.GAUSSIAN, new double[] {0.5, 0.5}));

    /** Number of classes each preset labels its points with; 0 for unlabelled presets. */
    private static final Map<DatasetPreset, Integer> LABEL_COUNT = new EnumMap<>(Map.of(
            DatasetPreset.MOONS, 2,
            DatasetPreset.EIGHT_GAUSSIANS, 8,
            DatasetPreset.CHECKERBOARD, 0,
            DatasetPreset.SWISS_ROLL, 0,
            DatasetPreset.RINGS, 4,
            DatasetPreset.SPIRALS, 2,
            DatasetPreset.PINWHEEL, 5,
            DatasetPreset.GMM_LABELLED, 3,
            DatasetPreset.GAUSSIAN, 1));

    @Test
    void idsAreTheDocumentedOnesAndRoundTrip() {
        assertEquals(List.of("moons", "8gaussians", "checkerboard", "swissroll", "rings", "spirals", "pinwheel",
                "gmm-labelled", "gaussian"), Arrays.stream(DatasetPreset.values()).map(DatasetPreset::id).toList());
        for (DatasetPreset p : DatasetPreset.values()) {
            assertSame(p, DatasetPreset.fromId(p.id()));
            assertFalse(p.displayName().isBlank());
            String d = p.description();
            assertTrue(d.endsWith(".") && d.indexOf(". ") < 0 && Character.isUpperCase(d.charAt(0)),
                    "one sentence: " + d);
        }
    }

    @Test
    void unknownIdListsTheKnownOnes() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DatasetPreset.fromId("moon"));
        assertTrue(e.getMessage().startsWith("Unknown data set 'moon'"), e.getMessage());
        for (DatasetPreset p : DatasetPreset.values()) {
            assertTrue(e.getMessage().contains(p.id()), e.getMessage());
        }
    }

    @Test
    void sameSeedSameSampleAndOtherSeedOtherSample() {
        for (DatasetPreset p : DatasetPreset.values()) {
            PointSet a = p.sample(500, 7);
            assertEquals(500, a.size(), p.id());
            assertEquals(a, p.sample(500, 7), p.id());
            assertNotEquals(a.xy()[0], p.sample(500, 8).xy()[0], p.id());
            assertNotEquals(a, p.sample(500, 8), p.id());
        }
    }

    @Test
    void samplesHaveExactSizeZeroMeanAndDocumentedSpread() {
        for (DatasetPreset p : DatasetPreset.values()) {
            PointSet s = p.sample(N, 1);
            assertEquals(N, s.size(), p.id());
            double[] mean = s.mean();
            double[] std = s.std();
            double[] expectedStd = DOCUMENTED_STD.get(p);
            boolean offCentre = p == DatasetPreset.GAUSSIAN;
            double[] expectedMean = offCentre
                    ? new double[] {DatasetPreset.GAUSSIAN_MEAN_X, DatasetPreset.GAUSSIAN_MEAN_Y}
                    : new double[] {0, 0};
            for (int c = 0; c < 2; c++) {
                double standardError = std[c] / Math.sqrt(N);
                assertEquals(expectedMean[c], mean[c], 5 * standardError, p.id() + " mean " + c);
                assertEquals(expectedStd[c], std[c], 0.03 * expectedStd[c], p.id() + " std " + c);
                if (!offCentre) {
                    assertTrue(std[c] >= 0.6 && std[c] <= 1.4, p.id() + " std " + c + " = " + std[c]);
                }
            }
        }
    }

    @Test
    void labelsAreAsDocumented() {
        for (DatasetPreset p : DatasetPreset.values()) {
            PointSet s = p.sample(5_000, 3);
            int k = LABEL_COUNT.get(p);
            assertEquals(k > 0, s.hasLabels(), p.id());
            if (k == 0) {
                continue;
            }
            int[] counts = new int[k];
            for (int label : s.labels()) {
                assertTrue(label >= 0 && label < k, p.id() + " label " + label);
                counts[label]++;
            }
            for (int c = 0; c < k; c++) {
                assertTrue(counts[c] > 0, p.id() + " never drew class " + c);
            }
        }
    }

    @Test
    void moonLabelZeroIsTheUpperMoon() {
        double[] meanY = classMeans(DatasetPreset.MOONS.sample(N, 4), 2, false);
        assertTrue(meanY[0] > meanY[1] + 0.5, Arrays.toString(meanY));
    }

    @Test
    void ringLabelsGrowOutwards() {
        double[] radius = classMeans(DatasetPreset.RINGS.sample(N, 5), 4, true);
        for (int k = 0; k < 4; k++) {
            // rings at (k+1)/4 of the outer radius, within a few noise widths
            assertEquals((k + 1) / 4.0 * ToyShapes.RINGS_OUTER_RADIUS, radius[k], 0.01, "ring " + k);
        }
    }

    @Test
    void pinwheelArmsAreSpacedByAFifthOfATurn() {
        PointSet s = DatasetPreset.PINWHEEL.sample(N, 6);
        double[] sumX = new double[5];
        double[] sumY = new double[5];
        for (int i = 0; i < s.size(); i++) {
            sumX[s.label(i)] += s.x(i);
            sumY[s.label(i)] += s.y(i);
        }
        double first = Math.atan2(sumY[0], sumX[0]);
        for (int k = 1; k < 5; k++) {
            double turn = Math.atan2(sumY[k], sumX[k]) - first - 2 * Math.PI * k / 5;
            double wrapped = Math.atan2(Math.sin(turn), Math.cos(turn));
            assertEquals(0, wrapped, Math.toRadians(3), "arm " + k);
        }
    }

    @Test
    void spiralsAreEachOthersHalfTurn() {
        // the mean distance from the origin is the same for both spirals, and their quadrant
        // pattern is mirrored through the origin
        PointSet s = DatasetPreset.SPIRALS.sample(N, 9);
        double[] radius = classMeans(s, 2, true);
        assertEquals(radius[0], radius[1], 0.03);
        double[] upperRight = new double[2];
        double[] lowerLeft = new double[2];
        for (int i = 0; i < s.size(); i++) {
            if (s.x(i) > 0 && s.y(i) > 0) {
                upperRight[s.label(i)]++;
            } else if (s.x(i) < 0 && s.y(i) < 0) {
                lowerLeft[s.label(i)]++;
            }
        }
        assertEquals(1, upperRight[0] / lowerLeft[1], 0.15);
        assertEquals(1, upperRight[1] / lowerLeft[0], 0.15);
    }

    @Test
    void checkerboardFillsOnlyTheDarkCells() {
        PointSet s = DatasetPreset.CHECKERBOARD.sample(N, 10);
        double cell = ToyShapes.CHECKERBOARD_HALF_SIDE / 2;
        int[] perCell = new int[16];
        for (int i = 0; i < s.size(); i++) {
            int column = (int) Math.floor(s.x(i) / cell + 2);
            int row = (int) Math.floor(s.y(i) / cell + 2);
            assertEquals(0, (column + row) % 2, "light cell " + column + "," + row);
            perCell[4 * row + column]++;
        }
        for (int cellIndex = 0; cellIndex < 16; cellIndex++) {
            if ((cellIndex / 4 + cellIndex % 4) % 2 == 0) {
                // 1/8 of the points each, within 5 binomial standard errors
                assertEquals(N / 8.0, perCell[cellIndex], 5 * Math.sqrt(N / 8.0 * 7 / 8));
            }
        }
    }

    @Test
    void mixtureIsPresentExactlyForTheMixturePresets() {
        for (DatasetPreset p : DatasetPreset.values()) {
            boolean mixture = p == DatasetPreset.EIGHT_GAUSSIANS || p == DatasetPreset.GMM_LABELLED
                    || p == DatasetPreset.GAUSSIAN;
            assertEquals(mixture, p.mixture().isPresent(), p.id());
        }
    }

    @Test
    void idAndDisplayNameDiffer() {
        DataDistribution d = DatasetPreset.EIGHT_GAUSSIANS;
        assertEquals("8gaussians", d.id());
        assertEquals("8 Gaussians", d.displayName());
    }

    @Test
    void refusesAnEmptySample() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DatasetPreset.MOONS.sample(0, 1));
        assertEquals("The number of points must be at least 1, got 0.", e.getMessage());
    }

    /** Mean y (or mean distance from the origin) of each class. */
    private static double[] classMeans(PointSet s, int classes, boolean radius) {
        double[] sum = new double[classes];
        int[] count = new int[classes];
        for (int i = 0; i < s.size(); i++) {
            sum[s.label(i)] += radius ? Math.hypot(s.x(i), s.y(i)) : s.y(i);
            count[s.label(i)]++;
        }
        for (int k = 0; k < classes; k++) {
            sum[k] /= count[k];
        }
        return sum;
    }
}
