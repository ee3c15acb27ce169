#!/usr/bin/env bash
# Builds the Debian package into target/debian/ with cargo-deb (installed if missing).
#
#   scripts/package-deb.sh            an optimised build, then the package
#   scripts/package-deb.sh --no-build package the binary already in target/release/
#   scripts/package-deb.sh --debug    package target/debug/pitchcraft (CI: the binary the
#                                     tests built; no second, optimised build)
#
# The package holds the stripped binary, the desktop file, AppStream metainfo, the MIME
# type for *.brand.ron, the icons, the manual page, a changelog and the copyright (with
# the fonts' licences). Install it with: sudo apt install ./target/debian/pitchcraft_*.deb
set -euo pipefail
cd "$(dirname "$0")/.."

if ! cargo deb --version >/dev/null 2>&1; then
    echo "installing cargo-deb…"
    cargo install cargo-deb --locked --version ^3
fi

args=()
case "${1:-}" in
    "") ;;
    --no-build) args+=(--no-build) ;;
    # cargo-deb maps target/release/ in the assets to the chosen profile's folder.
    # and the quicker compression: this package is for checks, not for handing out.
    --debug) args+=(--no-build --profile dev --fast) ;;
    *) echo "usage: $0 [--no-build|--debug]" >&2; exit 2 ;;
esac

mkdir -p target
gzip -9n --stdout assets/pitchcraft.1 > target/pitchcraft.1.gz
cargo deb -p pitchcraft "${args[@]}" --output target/debian/
