#!/usr/bin/env bash
# The crash test alone, in release, with its closing line shown:
# "crash-test: N kills, 0 corrupt, 0 lost (...)".
# Usage: scripts/crash-test.sh [KILLS] [SEED]   (default 200 kills, a random seed)
set -euo pipefail
cd "$(dirname "$0")/.."
export PITCHCRAFT_CRASH_KILLS=${1:-200}
if [ -n "${2:-}" ]; then export PITCHCRAFT_CRASH_SEED=$2; fi
cargo test --release --quiet --test crash -- --nocapture 2>&1 | grep -E "crash-test:|panicked|FAILED|test result"
