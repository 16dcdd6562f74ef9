#!/bin/sh
# The README's contact sheet of the default lesson: every scene rendered as the window shows it
# (screenshot --scene N, 1440x900), then laid out 4 x 2 with ImageMagick's montage.
# Usage: scripts/lesson-sheet.sh [OUT.png]   (default assets/lesson.png; needs target/scorefield.jar)
set -eu
out=${1:-assets/lesson.png}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
scenes=$(java -jar target/scorefield.jar screenshot --scene 999 --out "$dir/x.png" 2>&1 \
    | sed -n 's/.*between 1 and \([0-9]*\).*/\1/p')
n=1
while [ "$n" -le "$scenes" ]; do
    java -jar target/scorefield.jar screenshot --scene "$n" --out "$dir/scene$n.png" > /dev/null
    files="${files:-} $dir/scene$n.png"
    n=$((n + 1))
done
# shellcheck disable=SC2086
montage $files -tile 4x -geometry 560x350+8+8 -background white "$dir/sheet.png"
convert "$dir/sheet.png" -colors 256 -define png:compression-level=9 "$out"
echo "$out: $scenes scenes"
