#!/bin/sh
# A long run of the real window without a display: train, sample, Reflow, export, save and reopen,
# in a loop, logging heap, resident and ND4J native memory after each cycle (not part of verify).
# Usage: scripts/soak.sh [MINUTES (30)] [FOLDER (target/soak)]; build first with ./mvnw -DskipTests package.
set -e
cd "$(dirname "$0")/.."
exec java -Xmx2g \
    -cp "${SCOREFIELD_JAR:-target/scorefield.jar}" org.scorefield.app.headless.Soak "${1:-30}" "${2:-target/soak}"
