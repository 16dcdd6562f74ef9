package org.scorefield.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartupBenchTest {

    @Test
    void milestonesAreSecondsAfterTheLaunchAndOtherLinesAreIgnored() {
        String stderr = String.join("\n",
                "WARNING: Unsupported JavaFX configuration: classes were loaded from 'unnamed module @1b6d3586'",
                "scorefield-startup {\"event\":\"toolkit\",\"epoch_ms\":1000400,\"jvm_s\":0.350,\"thread_cpu_s\":0.010}",
                "scorefield-startup {\"event\":\"window\",\"epoch_ms\":1001750,\"jvm_s\":1.700,\"thread_cpu_s\":0.900}",
                "scorefield-startup {\"event\":\"first_st",
                "scorefield-startup {\"event\":\"window\",\"epoch_ms\":1009000,\"jvm_s\":9.000,\"thread_cpu_s\":1.000}",
                "[0.1s][warning][gc] something else",
                "scorefield-startup {\"event\":\"first_step\",\"epoch_ms\":1002030,\"jvm_s\":1.980,\"thread_cpu_s\":1.100}");
        Map<String, Double> m = StartupBench.milestones(stderr, 1_000_000L);
        assertEquals(Map.of("toolkit", 0.4, "window", 1.75, "first_step", 2.03), m,
                "the first line of each event counts, a torn line does not");
    }

    @Test
    void aChildStartsAsThisProcessDidWithoutItsDebuggingOptions() {
        List<String> launcher = StartupBench.launcher();
        assertTrue(launcher.get(0).endsWith("java") || launcher.get(0).endsWith("java.exe"), launcher.toString());
        assertTrue(launcher.contains("-jar") || launcher.contains("org.scorefield.Main"), launcher.toString());
        List<String> given = List.of("-agentlib:jdwp=transport=dt_socket", "-Xmx2g", "-javaagent:/x/agent.jar",
                "-XX:SharedArchiveFile=/x/scorefield.jsa", "-XX:ArchiveClassesAtExit=/x/new.jsa", "-Xlog:cds*=off",
                "-Dfoo=bar");
        List<String> child = StartupBench.launcher(given);
        // the child's options: the JVM's own, less the debugger, agents, archive dumps and logging
        assertEquals(List.of("-Xmx2g", "-XX:SharedArchiveFile=/x/scorefield.jsa", "-Dfoo=bar"),
                child.subList(1, child.indexOf(child.contains("-jar") ? "-jar" : "-cp")), child.toString());
    }

    @Test
    void theWindowGetsItsCollectorSettingOnce() {
        List<String> plain = List.of("java", "-jar", "scorefield.jar");
        assertEquals(List.of("java", "-XX:MaxGCPauseMillis=20", "-jar", "scorefield.jar"), StartupBench.window(plain));
        List<String> set = List.of("java", "-XX:MaxGCPauseMillis=50", "-jar", "scorefield.jar");
        assertEquals(set, StartupBench.window(set));
    }

    @Test
    void startupRunsOutsideTheirRangeAreRefused() {
        CliRun r = CliRun.of("bench", "--skip-speed", "--skip-frame", "--no-reflow", "--no-export", "--startup",
                "--startup-runs", "0");
        assertEquals(2, r.exitCode());
        assertTrue(r.out().isEmpty());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
