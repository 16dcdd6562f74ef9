package org.scorefield.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code scorefield sdf}: issue 19's bars with the defaults, its JSON, and its refusals. */
class SdfCommandTest {

    @Test
    void moonsFromNoiseComeWithinOneAndAHalfFloors() {
        CliRun r = CliRun.of("sdf", "--data", "moons", "--source", "gaussian", "--n", "1000", "--seed", "1");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = r.json();
        assertTrue(j.get("sw2_ratio").asDouble() <= 1.5, j.toString());
        assertTrue(j.get("start_sw2_ratio").asDouble() > 3, "the source is far from the data: " + j);
        JsonNode checkpoints = j.get("checkpoints");
        assertEquals(SdfCommand.CHECKPOINTS, checkpoints.size());
        assertEquals(200, checkpoints.get(checkpoints.size() - 1).get("iteration").asInt());
        assertEquals(j.get("sw2_ratio").asDouble(), checkpoints.get(checkpoints.size() - 1).get("sw2_ratio")
                .asDouble(), 1e-12);
        assertEquals(0.05, checkpoints.get(checkpoints.size() - 1).get("sigma").asDouble(), 1e-12);
    }

    @Test
    void eightGaussiansHaveEveryModeHit() {
        CliRun r = CliRun.of("sdf", "--data", "8gaussians", "--seed", "1");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = r.json();
        assertEquals(8, j.get("modes").asInt());
        assertEquals(8, j.get("modes_hit").asInt(), j.toString());
    }

    @Test
    void badInputIsOneSentence() {
        String[][] cases = {
            {"sdf", "--data", "moons"},
            {"sdf", "--seed", "1", "--n", "1"},
            {"sdf", "--seed", "1", "--sigma", "0"},
            {"sdf", "--seed", "1", "--sigma-end", "2"},
            {"sdf", "--seed", "1", "--eta", "-1"},
            {"sdf", "--seed", "1", "--iterations", "0"},
            {"sdf", "--seed", "1", "--data", "nope"},
            {"sdf", "--seed", "1", "--source", "/no/such.csv"},
        };
        for (String[] args : cases) {
            CliRun r = CliRun.of(args);
            assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }
}
