#!/usr/bin/env bash
# The Windows build, made on Linux: cross-compiles the release binary for
# x86_64-pc-windows-gnu with MinGW-w64's linker (installing the Rust target and, on Debian,
# the linker and NSIS where missing) and, with --installer, makes the per-user installer
# with NSIS (packaging/windows/pitchcraft.nsi).
#
# Leaves target/windows/pitchcraft.exe and, with --installer,
# target/windows/pitchcraft-setup-VERSION.exe.
#
# Usage: scripts/build-windows.sh [--installer]
set -euo pipefail
cd "$(dirname "$0")/.."
target=x86_64-pc-windows-gnu
installer=false
[ "${1:-}" = "--installer" ] && installer=true

if ! rustup target list --installed | grep -qx "$target"; then
    rustup target add "$target"
fi
need=()
command -v x86_64-w64-mingw32-gcc >/dev/null || need+=(gcc-mingw-w64-x86-64)
$installer && ! command -v makensis >/dev/null && need+=(nsis)
if [ ${#need[@]} -gt 0 ]; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc
cargo build --release --locked --target "$target" --bin pitchcraft
mkdir -p target/windows
cp "target/$target/release/pitchcraft.exe" target/windows/pitchcraft.exe
echo "build-windows: target/windows/pitchcraft.exe ($(du -h target/windows/pitchcraft.exe | cut -f1))"

if $installer; then
    version=$(cargo metadata --no-deps --format-version 1 |
        python3 -c 'import json,sys; print(next(p["version"] for p in json.load(sys.stdin)["packages"] if p["name"]=="pitchcraft"))')
    makensis -V2 -DVERSION="$version" -DEXE="$PWD/target/windows/pitchcraft.exe" \
        -DOUT="$PWD/target/windows/pitchcraft-setup-$version.exe" packaging/windows/pitchcraft.nsi
    echo "build-windows: target/windows/pitchcraft-setup-$version.exe ($(du -h "target/windows/pitchcraft-setup-$version.exe" | cut -f1))"
fi
