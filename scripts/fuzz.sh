#!/usr/bin/env bash
# Fuzzes every target (cargo-fuzz, libFuzzer, nightly toolchain) for SECONDS each,
# starting from the committed seed corpora in fuzz/corpus/. New inputs go to a scratch
# folder, so the committed corpora stay small; crashes land in fuzz/artifacts/TARGET/.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]   (default 600 s; all targets)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(load analysis markdown card); fi
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
for target in "${targets[@]}"; do
    scratch=$(mktemp -d)
    log=$(mktemp)
    echo "== $target: ${seconds} s"
    # -timeout: an input that takes over 10 s counts as a hang (a finding).
    cargo +nightly fuzz run --release "$target" "$scratch" "fuzz/corpus/$target" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
        >"$log" 2>&1 || { tail -40 "$log"; echo "== $target: FOUND A CRASH (see fuzz/artifacts/$target/)"; exit 1; }
    grep -E "^Done|stat::number_of_executed_units|stat::peak_rss_mb|cov: " "$log" | tail -4
    echo "== $target: no crash; corpus grew to $(ls "$scratch" | wc -l) new inputs"
    rm -rf "$scratch" "$log"
done
