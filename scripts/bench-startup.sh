#!/usr/bin/env bash
# Startup to first frame, resident memory after 5 s and idle CPU over 10 s, under Xvfb,
# for Pitchcraft and the minimal eframe window of examples/hello.rs, in one run.
# Usage: scripts/bench-startup.sh [RUNS]   (default 5; medians are printed)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
cargo build --release --quiet --bin pitchcraft --example hello
sample=$(mktemp -d)/sanne.brand.ron
cp crates/pitchcraft-core/assets/sample.brand.ron "$sample"
export XDG_DATA_HOME=$(mktemp -d)   # no remembered window or settings
probe() { python3 scripts/window_probe.py "$@"; }
scripts/with-xvfb.sh -- bash -c "
  $(declare -f probe)
  probe hello $runs 10 -- target/release/examples/hello
  probe pitchcraft $runs 10 -- target/release/pitchcraft
  probe pitchcraft_document $runs 10 -- target/release/pitchcraft '$sample'
" | tee /tmp/bench-startup.out
python3 - /tmp/bench-startup.out <<'PY'
import sys
values = dict(line.strip().split("=", 1) for line in open(sys.argv[1]) if "=" in line)
for name in ("pitchcraft", "pitchcraft_document"):
    for figure in ("startup_ms", "rss_mib"):
        ratio = float(values[f"{name}_{figure}"]) / float(values[f"hello_{figure}"])
        print(f"{name}_{figure}_ratio_to_hello={ratio:.2f}")
PY
