package org.scorefield.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class BenchCommandTest {

    @Test
    void theQualityTableTrainsUntilTheFloorIsReached() {
        CliRun r = CliRun.of("bench", "--skip-speed", "--skip-frame", "--no-reflow", "--no-export", "--table", "--presets", "gaussian",
                "--heads", "edm", "--max-seconds", "20");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode rows = r.json().get("quality_table");
        assertEquals(1, rows.size());
        JsonNode row = rows.get(0);
        assertEquals("gaussian", row.get("preset").asText());
        assertEquals("edm", row.get("objective").asText());
        assertTrue(row.get("reached").asBoolean(), row.toString());
        assertTrue(row.get("sw2_ratio").asDouble() <= BenchCommand.QUALITY_FACTOR, row.toString());
        assertEquals(0, row.get("steps").asLong() % BenchCommand.CHECK_EVERY);
        assertEquals("1/1", row.get("modes").asText());
        assertEquals("edm", r.json().get("default_model").get("objective").asText());
    }

    @Test
    void theFrameTimeIsMeasuredWhileAModelTrains() {
        CliRun r = CliRun.of("bench", "--skip-speed", "--quick");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = r.json();
        double paint = json.get("frame_paint_ms").asDouble();
        double frame = json.get("frame_ms").asDouble();
        double p95 = json.get("frame_p95_ms").asDouble();
        assertTrue(paint > 0 && Double.isFinite(frame), json.toString());
        // Each frame's paint+rasterise time contains its paint time, so the medians are ordered too.
        assertTrue(paint <= frame && frame <= p95, json.toString());
        double baseline = json.get("frame_baseline_ms").asDouble();
        assertTrue(baseline > 0 && baseline < frame, "an empty canvas is cheaper than the full frame: " + json);
        assertEquals(60, json.get("frame_frames").asInt());
        assertTrue(json.get("frame_train_steps").asLong() > 0, "the model trained meanwhile");
        JsonNode bare = CliRun.of("bench", "--skip-speed", "--skip-frame", "--no-reflow", "--no-export").json();
        assertTrue(bare.get("frame_ms") == null && bare.get("reflow_round_s") == null, bare.toString());
        assertTrue(json.get("reflow_round_s") == null && json.get("export_mp4_s") == null,
                "--quick leaves Reflow and the export out");
    }

    @Test
    void badBudgetsAndNamesAreRefused() {
        for (String[] args : new String[][] {
            {"bench", "--max-seconds", "0"},
            {"bench", "--skip-speed", "--table", "--presets", "moonz"},
            {"bench", "--skip-speed", "--table", "--heads", "noise"}}) {
            CliRun r = CliRun.of(args);
            assertEquals(2, r.exitCode(), String.join(" ", args));
            assertTrue(r.out().isEmpty());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
    }

    @Test
    void medianAndGrid() {
        assertEquals(2.0, BenchCommand.median(new double[] {3, 1, 2}), 0);
        assertEquals(2.5, BenchCommand.median(new double[] {4, 1, 2, 3}), 0);
        double[] g = BenchCommand.grid(3, 1.0);
        assertEquals(18, g.length);
        assertEquals(-1.0, g[0], 0);
        assertEquals(1.0, g[16], 0);
        assertEquals(1.0, g[17], 0);
    }
}
