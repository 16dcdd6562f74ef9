#!/usr/bin/env bash
# Builds Scorefield's app image or native installer on Linux or macOS with jpackage (JDK 17+).
#
#   jpackage/package.sh                     # app-image: target/jpackage/Scorefield (Linux) or Scorefield.app
#   jpackage/package.sh --type deb          # or rpm (Linux), dmg or pkg (macOS)
#   jpackage/package.sh --smoke             # app-image, then launch it headless to a screenshot
#
# The runtime is jlink-trimmed to the JDK modules in modules.txt. JavaFX, ND4J and the rest come
# from target/lib, which Maven fills with this platform's native jars (JavaFX's classifier and
# the nd4j-native/openblas classifier of the pom's native-* profiles), so run it on the platform
# you package for.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
type=app-image
smoke=false
while [[ $# -gt 0 ]]; do
    case "$1" in
        --type) type="$2"; shift 2 ;;
        --smoke) smoke=true; shift ;;
        -h|--help) sed -n '2,12p' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) echo "package.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
done

case "$(uname -s)" in
    Linux) platform=linux ;;
    Darwin) platform=mac ;;
    *) echo "package.sh: Linux or macOS only; on Windows run jpackage\\package.ps1" >&2; exit 2 ;;
esac
case "$platform:$type" in
    *:app-image|linux:deb|linux:rpm|mac:dmg|mac:pkg) ;;
    *) echo "package.sh: --type $type cannot be built on $platform" >&2; exit 2 ;;
esac
if $smoke && [[ "$type" != app-image ]]; then
    echo "package.sh: --smoke launches the app image; build it with --type app-image" >&2
    exit 2
fi

java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
for tool in jlink jpackage; do
    [[ -x "$java_home/bin/$tool" ]] || { echo "package.sh: $java_home/bin/$tool not found (JDK 17+ needed)" >&2; exit 2; }
done

out="$root/target/jpackage"
if [[ ! -f "$root/target/scorefield.jar" || ! -d "$root/target/lib" ]]; then
    (cd "$root" && ./mvnw -B -q package -DskipTests)
fi

# The input: the jar and its lib/ folder (the jar's manifest names lib/*.jar), nothing else.
rm -rf "$out/input" "$out/runtime"
mkdir -p "$out/input"
cp "$root/target/scorefield.jar" "$out/input/"
cp -r "$root/target/lib" "$out/input/lib"

echo "jlink: $(cat "$here/modules.txt")"
"$java_home/bin/jlink" --add-modules "$(tr -d ' \n' < "$here/modules.txt")" \
    --strip-debug --no-man-pages --no-header-files --compress=2 --output "$out/runtime"

# Class-data sharing. JDK 17's jlink writes no CDS archive, so the image's JVM would read and verify every
# JDK class at each start (the java on the PATH has one). Dump one into the runtime from the JDK classes that a
# headless session of the jar loads (the window, ND4J, a few training steps): it sits at the runtime's default
# place (lib/server/classes.jsa), where every launcher of the image and of the installed packages finds it,
# wherever they are installed. A failed dump leaves the runtime without one, only slower.
"$java_home/bin/java" -XX:DumpLoadedClassList="$out/classes.lst" -Dscorefield.home="$out/home" \
    -jar "$root/target/scorefield.jar" screenshot --steps 50 --out "$out/classes.png" > "$out/cds-classes.log" 2>&1 \
    && "$out/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$out/classes.lst" > "$out/cds-dump.log" 2>&1 \
    || echo "package.sh: no class-data archive in the runtime (see $out/cds-classes.log and cds-dump.log); it starts slower" >&2

rm -rf "$out/Scorefield" "$out/Scorefield.app"
args=(@common.args @"$platform.args")
if [[ "$type" != app-image ]]; then
    args+=(@"$platform-installer.args")
    [[ -f "$here/$platform-$type.args" ]] && args+=(@"$platform-$type.args")
fi
(cd "$here" && "$java_home/bin/jpackage" "${args[@]}" --type "$type" \
    --input "$out/input" --runtime-image "$out/runtime" --dest "$out")
echo "built $type in $out"

if $smoke; then
    launcher="$out/Scorefield/bin/Scorefield"
    [[ "$platform" == mac ]] && launcher="$out/Scorefield.app/Contents/MacOS/Scorefield"
    # Headless: the screenshot command renders the window on Monocle, without a display.
    env -u DISPLAY "$launcher" screenshot --out "$out/smoke.png" --width 1024 --height 700
    echo "smoke test: $out/smoke.png"
fi
