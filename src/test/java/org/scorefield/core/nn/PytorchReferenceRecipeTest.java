package org.scorefield.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scorefield.core.head.EdmPreconditioning;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;

/**
 * bench/pytorch_reference.py, the default recipe in PyTorch, declares every constant in one
 * {@code RECIPE = {…}} dict; this reads that dict as text (CI has no torch: the script never runs here)
 * and compares it with the Java defaults, so that neither side changes without the other.
 */
class PytorchReferenceRecipeTest {

    private static final Path SCRIPT = Path.of(System.getProperty("basedir", "."), "bench", "pytorch_reference.py");
    private static final Pattern ENTRY = Pattern.compile("^\\s*\"([a-z0-9_]+)\":\\s*(\"[a-z]+\"|[-+0-9.e]+),\\s*$");

    private static String source;
    private static Map<String, String> recipe;

    @BeforeAll
    static void readRecipe() throws IOException {
        source = Files.readString(SCRIPT, StandardCharsets.UTF_8);
        recipe = new LinkedHashMap<>();
        List<String> lines = source.lines().toList();
        int start = lines.indexOf("RECIPE = {");
        assertTrue(start >= 0, "the script declares RECIPE = { on a line of its own");
        for (int i = start + 1; !lines.get(i).equals("}"); i++) {
            Matcher m = ENTRY.matcher(lines.get(i));
            assertTrue(m.matches(), "one \"key\": value, per line, got: " + lines.get(i));
            recipe.put(m.group(1), m.group(2).replace("\"", ""));
        }
    }

    private static double number(String key) {
        assertTrue(recipe.containsKey(key), "RECIPE has no \"" + key + "\"");
        return Double.parseDouble(recipe.get(key));
    }

    private static String text(String key) {
        assertTrue(recipe.containsKey(key), "RECIPE has no \"" + key + "\"");
        return recipe.get(key);
    }

    /** A constant that is not public (the script mirrors implementation details too). */
    private static double hidden(String className, String field) throws ReflectiveOperationException {
        Field f = Class.forName(className).getDeclaredField(field);
        f.setAccessible(true);
        return ((Number) f.get(null)).doubleValue();
    }

    @Test
    void theNetworkIsTheDefaultArchitecture() {
        Architecture a = Architecture.defaults();
        assertEquals(a.width(), number("width"));
        assertEquals(a.depth(), number("depth"));
        assertEquals(a.activation().id(), text("activation"));
        assertEquals(false, a.residual());
        assertEquals(0, a.classes());
        assertEquals(a.embedding().id(), text("embedding"));
        assertEquals(a.frequencies(), number("frequencies"));
        assertEquals(a.outputs(), number("outputs"));
        // The script's frequencies are max_frequency^(k/(F−1)), k = 0 … F−1.
        int f = (int) number("frequencies");
        double[] omega = a.embedding().frequencies(f, a.embeddingSeed());
        for (int k = 0; k < f; k++) {
            assertEquals(Math.pow(number("max_frequency"), k / (double) (f - 1)), omega[k], 1e-12 * omega[k]);
        }
        // The script's layers: (2 + 2F) → width → … → outputs, each with W and b.
        int in = 2 + 2 * f;
        int width = (int) number("width");
        int depth = (int) number("depth");
        int outputs = (int) number("outputs");
        int parameters = (in + 1) * width + (depth - 1) * (width + 1) * width + (width + 1) * outputs;
        assertEquals(a.parameterCount(), parameters);
        assertEquals(35_714, parameters, "the count the README and the script print");
    }

    @Test
    void theObjectiveIsEdmOnTheDefaultVpSchedule() {
        assertEquals(Objective.EDM, Objective.DEFAULT);
        assertEquals(EdmPreconditioning.P_MEAN, number("p_mean"));
        assertEquals(EdmPreconditioning.P_STD, number("p_std"));
        assertEquals(EdmPreconditioning.standard().sigmaData(), number("sigma_data"));
        Schedule vp = ScheduleKind.VP.createDefault();
        assertEquals(vp.parameters().get("beta_min"), number("beta_min"));
        assertEquals(vp.parameters().get("beta_max"), number("beta_max"));
        assertEquals(vp.tMin(), number("t_min"));
        assertEquals(vp.tMax(), number("t_max"));
    }

    @Test
    void theOptimiserAndDataAreTheDefaults() throws ReflectiveOperationException {
        TrainingSettings s = TrainingSettings.defaults(0);
        assertEquals(s.batch(), number("batch"));
        assertEquals(s.learningRate(), number("learning_rate"));
        assertEquals(s.warmupSteps(), number("warmup_steps"));
        assertEquals(s.clipNorm(), number("clip_norm"));
        assertTrue(s.ema());
        assertEquals(s.emaDecay(), number("ema_decay"));
        assertEquals(Adam.BETA1, number("adam_beta1"));
        assertEquals(Adam.BETA2, number("adam_beta2"));
        assertEquals(Adam.EPSILON, number("adam_epsilon"));
        assertEquals(hidden("org.scorefield.core.nn.Optimisation", "SMOOTHING"), number("loss_smoothing"));
        assertEquals(Trainer.POOL, number("pool"));
        String shapes = "org.scorefield.core.data.ToyShapes";
        assertEquals(hidden(shapes, "MOONS_NOISE"), number("moons_noise"));
        assertEquals(hidden(shapes, "MOONS_CENTER_X"), number("moons_center_x"));
        assertEquals(hidden(shapes, "MOONS_CENTER_Y"), number("moons_center_y"));
        assertEquals(hidden(shapes, "MOONS_SCALE"), number("moons_scale"));
    }

    @Test
    void theBenchModeTimesAsScorefieldBenchDoes() throws ReflectiveOperationException {
        assertEquals(hidden("org.scorefield.cli.BenchCommand", "WARMUP_STEPS"), number("bench_warmup_steps"));
        assertEquals(hidden("org.scorefield.cli.BenchCommand", "BLOCK_STEPS"), number("bench_block_steps"));
    }

    @Test
    void theScriptReadsEveryConstantFromRecipe() {
        assertEquals(30, recipe.size(), "a constant added to RECIPE needs its Java counterpart here");
        for (String key : recipe.keySet()) {
            if (!key.equals("activation") && !key.equals("embedding")) { // they name what network() builds
                assertTrue(source.contains("R[\"" + key + "\"]"), "the script never reads RECIPE[\"" + key + "\"]");
            }
        }
    }
}
