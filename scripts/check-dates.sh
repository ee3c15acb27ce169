#!/usr/bin/env bash
# The tests that involve dates, run again at awkward moments in awkward places: a leap day
# just before midnight, the hour that does not exist when the clocks go forward in
# Europe/Amsterdam, and the last seconds of a year; in Auckland (UTC+13 in summer, the day
# ahead of most of the world) and Los Angeles (UTC-8, a day behind). No assertion may
# depend on the machine's date, zone or locale: every test passes its day in.
#
# The test binaries are built first and then run under libfaketime (Debian `faketime`), so
# cargo's own file timestamps are never faked. Needs `faketime`; without it the check says
# so in one line and stops, and with CI=true it fails.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v faketime >/dev/null; then
    echo "check-dates: skipped: no faketime — apt-get install faketime" >&2
    [ "${CI:-}" = "true" ] && exit 1
    exit 0
fi

# The binaries whose tests touch dates: the command line (new --sample, followups, brief),
# the network and the rehearsal history in the app, the sample and the calendar in the core.
targets=(
    -p pitchcraft -p pitchcraft-core --lib
    --test cli --test cli_network --test app --test storage --test network_files
)
# Of the app's tests, the pages that show dates: the network, the rehearsal history, the
# pitches' revisions, the shell (new documents, the sample).
app_pages=(network:: rehearse:: pitches:: shell::)
binaries=$(cargo test --no-run --message-format=json "${targets[@]}" |
    grep -o '"executable":"[^"]*/deps/[^"]*"' | cut -d'"' -f4)
[ -n "$binaries" ] || { echo "check-dates: no test binaries were built" >&2; exit 1; }

# Wall-clock moments, each read in the zone it runs in; the Amsterdam one is the instant
# its clocks skip (02:30 CET does not exist on 2027-03-28), written in UTC.
moments=(
    'Pacific/Auckland|2028-02-29 23:59:30'
    'America/Los_Angeles|2028-02-29 23:59:30'
    'Pacific/Auckland|2026-12-31 23:59:50'
    'America/Los_Angeles|2026-12-31 23:59:50'
    'Europe/Amsterdam|2027-03-28 01:30:00 UTC'
    'Pacific/Auckland|2027-03-28 01:30:00 UTC'
    'America/Los_Angeles|2027-03-28 01:30:00 UTC'
)

status=0
for moment in "${moments[@]}"; do
    zone=${moment%%|*}
    at=${moment#*|}
    for binary in $binaries; do
        name=$(basename "$binary")
        filters=()
        [ "${name%-*}" = app ] && filters=("${app_pages[@]}")
        # -m: the multi-threaded libfaketime (the tests run on threads). The monotonic clock
        # is left alone: timers and timeouts measure durations, not dates.
        if ! log=$(TZ=$zone LC_ALL=C FAKETIME_DONT_FAKE_MONOTONIC=1 faketime -m "$at" "$binary" --quiet "${filters[@]}" 2>&1); then
            echo "check-dates: ${name%-*} failed at $at in $zone:" >&2
            echo "$log" | grep -E 'panicked|FAILED|failures:|^    [a-z_:]+$' | head -20 >&2
            status=1
        fi
    done
    echo "check-dates: $(echo "$binaries" | wc -w) test binaries pass at $at in $zone"
done
exit $status
