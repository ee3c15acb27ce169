#!/usr/bin/env bash
# Renders the app icon's PNGs in the hicolor sizes from its SVG (needs rsvg-convert:
# apt-get install librsvg2-bin). The PNGs are kept in git, so building needs no renderer;
# run this after changing the SVG.
set -euo pipefail
cd "$(dirname "$0")/../assets/icons/hicolor"
id=io.github.pitchcraft.Pitchcraft
for size in 16 22 24 32 48 64 128 256 512; do
    mkdir -p "${size}x${size}/apps"
    rsvg-convert --width "$size" --height "$size" "scalable/apps/$id.svg" -o "${size}x${size}/apps/$id.png"
done
echo "rendered $(ls -d */apps/$id.png | wc -l) PNGs"
