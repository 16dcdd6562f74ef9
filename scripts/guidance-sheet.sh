#!/bin/sh
# The README's guidance pictures: class 2 of gmm-labelled guided by the exact oracle at omega = 0, 1
# and 4 (screenshot --view guidance, 1440x900), light above and dark below, each cut to its canvas,
# laid out 3 x 2 with ImageMagick.
# Usage: scripts/guidance-sheet.sh [OUT.png]   (default assets/guidance.png; needs target/scorefield.jar)
set -eu
out=${1:-assets/guidance.png}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
for theme in light dark; do
    for omega in 0 1 4; do
        java -jar target/scorefield.jar screenshot --view guidance --data gmm-labelled --steps 0 \
            --omega "$omega" --theme "$theme" --out "$dir/$theme$omega.png" > /dev/null
        /usr/bin/convert "$dir/$theme$omega.png" -crop 714x602+389+166 +repage "$dir/$theme$omega.png"
        files="${files:-} $dir/$theme$omega.png"
    done
done
# shellcheck disable=SC2086
montage $files -tile 3x -geometry 536x452+6+6 -background white "$dir/sheet.png"
/usr/bin/convert "$dir/sheet.png" -colors 128 -define png:compression-level=9 "$out"
echo "$out"
