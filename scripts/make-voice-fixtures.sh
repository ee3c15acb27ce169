#!/usr/bin/env bash
# Makes the spoken fixtures of the voice analysis' tests (committed; run again only to change
# them): espeak-ng speaks known sentences in English and Dutch, sox trims each to its speech,
# joins them with silences of known length and stores 16 kHz mono FLAC. What each holds (where
# the speech starts and ends, where the pauses are, how many words) goes to expected.json.
# Needs espeak-ng and sox (Debian: apt-get install espeak-ng sox).
set -euo pipefail
out="$(cd "$(dirname "$0")/.." && pwd)/crates/pitchcraft-voice/tests/fixtures"
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# speak VOICE TEXT OUT: the sentence, trimmed to its sound, at 16 kHz.
speak() {
    espeak-ng -v "$1" -s 150 -w "$work/raw.wav" "$2"
    sox "$work/raw.wav" -r 16000 "$3" silence 1 0.01 0.1% reverse silence 1 0.01 0.1% reverse
}
silence() { sox -n -r 16000 -c 1 -b 16 "$2" trim 0 "$1"; }
seconds() { soxi -D "$1"; }

# joined NAME VOICE LEAD "SENTENCE" GAP "SENTENCE" GAP "SENTENCE" TAIL
joined() {
    local name=$1 voice=$2 lead=$3 a=$4 gap1=$5 b=$6 gap2=$7 c=$8 tail=$9
    speak "$voice" "$a" "$work/a.wav"
    speak "$voice" "$b" "$work/b.wav"
    speak "$voice" "$c" "$work/c.wav"
    silence "$lead" "$work/lead.wav"
    silence "$gap1" "$work/gap1.wav"
    silence "$gap2" "$work/gap2.wav"
    silence "$tail" "$work/tail.wav"
    sox "$work/lead.wav" "$work/a.wav" "$work/gap1.wav" "$work/b.wav" "$work/gap2.wav" "$work/c.wav" \
        "$work/tail.wav" "$out/$name.flac"
    printf '%s\n' "$a $b $c" >"$out/$name.txt"
    python3 - "$name" "$lead" "$(seconds "$work/a.wav")" "$gap1" "$(seconds "$work/b.wav")" "$gap2" \
        "$(seconds "$work/c.wav")" "$a $b $c" >>"$work/expected.jsonl" <<'PY'
import json, sys
name, lead, a, gap1, b, gap2, c, text = sys.argv[1:]
lead, a, gap1, b, gap2, c = map(float, (lead, a, gap1, b, gap2, c))
p1 = lead + a
p2 = p1 + gap1 + b
print(json.dumps({"name": name, "speech_start": lead, "speech_end": p2 + gap2 + c,
                  "pauses": [[p1, p1 + gap1], [p2, p2 + gap2]], "words": len(text.split())}))
PY
}

# prosody NAME VOICE RANGE TEXT: the same words with a flat or a lively melody.
prosody() {
    espeak-ng -m -v "$2" -s 150 -w "$work/raw.wav" "<speak><prosody range=\"$3\">$4</prosody></speak>"
    sox "$work/raw.wav" -r 16000 -C 8 "$out/$1.flac" silence 1 0.01 0.1% reverse silence 1 0.01 0.1% reverse
}

joined en-pauses en 0.6 \
    "Most operations teams lose a day a week to handovers." 1.0 \
    "I help them find that day again," 0.5 \
    "without hiring anyone and without new software." 0.8
joined nl-pauses nl 0.4 \
    "De meeste operationele teams verliezen een dag per week aan overdrachten." 0.7 \
    "Ik help ze die dag terug te vinden," 1.4 \
    "zonder extra mensen en zonder nieuwe software." 0.5
en="Most operations teams lose a day a week to handovers. I help them find that day again."
nl="Ik help operationele teams rustiger werken, zonder extra mensen. Zullen we volgende week koffie drinken?"
prosody en-flat en x-low "$en"
prosody en-lively en x-high "$en"
prosody nl-flat nl x-low "$nl"
prosody nl-lively nl x-high "$nl"
python3 -c 'import json,sys; print(json.dumps([json.loads(l) for l in open(sys.argv[1])], indent=1))' \
    "$work/expected.jsonl" >"$out/expected.json"
ls -l "$out"
