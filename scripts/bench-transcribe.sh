#!/usr/bin/env bash
# The transcription's figures for BENCHMARKS.md: a 90-second take spoken by espeak-ng from
# invented pitches, heard by the release binary with the script as prompt; wall time and
# peak memory (GNU time), and the word error rate with and without the prompt.
#
#   scripts/bench-transcribe.sh [MODEL_DIR]    (default: target/whisper/base)
set -euo pipefail
cd "$(dirname "$0")/.."
model="${1:-target/whisper/base}"
binary=target/release/pitchcraft
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

script_en="What if your warehouse could ship every order on the day it comes in? I am Maren Holt, and I run logistics for a garden supplier in Leeds. I find the steps that slow a parcel down, and I take them out with the people who pack. Last spring we cut late orders by forty percent in ten weeks, without a single new hire. Do you know an operations director who fights the same battle? I would love an introduction. Most small charities spend a day a week on reports nobody reads. I am Tobias Grey, a data analyst who used to work for a city council. I build one simple dashboard a board can read in five minutes. It updates itself every night. For a youth charity in Bristol that saved two hundred hours of staff time a year. Which charity in your network should I talk to next? Every hospital I visit has the same queue at the pharmacy window. I am Ruth Okafor, and I design pharmacy workflows for regional hospitals. I move the slow checks to the morning, before the patients arrive. At my last hospital the average wait fell from forty minutes to twelve. Who runs a pharmacy that would like its mornings back?"
script_nl="Wat als uw afdeling elke aanvraag binnen een week kon afhandelen? Ik ben Femke de Wit, en ik leid het klantcontact bij een woningcorporatie in Zwolle. Ik zoek uit waar een aanvraag blijft liggen, en ik los dat op met de mensen die het werk doen. Vorig jaar halveerden we de wachttijd voor reparaties, zonder extra personeel. Kent u iemand die met hetzelfde probleem worstelt? Dan hoor ik graag van u. De meeste scholen verliezen elke maand uren aan roosters die niet kloppen. Ik ben Daan Mulder, planner bij een scholengroep in Utrecht. Ik maak roosters die rekening houden met iedereen. Docenten zien hun rooster al in juni. Op onze grootste school daalde het aantal roosterwijzigingen met de helft. Welke schoolleider zou ik moeten spreken? Elke gemeente die ik ken, worstelt met dezelfde stapel vergunningen. Ik ben Sanne Bos, en ik help gemeenten hun aanvragen sneller af te handelen. In Deventer ging de doorlooptijd van acht naar drie weken. Welke gemeente zou hier iets aan hebben?"

wer() {
    python3 - "$1" "$2" <<'PY'
import re, sys
def words(text):
    return [w for w in re.sub(r"[^\w\s']", " ", text.lower()).split()]
truth, heard = words(open(sys.argv[1]).read()), words(open(sys.argv[2]).read())
row = list(range(len(heard) + 1))
for i, t in enumerate(truth):
    diagonal, row[0] = row[0], i + 1
    for j, h in enumerate(heard):
        above = row[j + 1]
        row[j + 1] = min(diagonal + (t != h), row[j] + 1, above + 1)
        diagonal = above
print(f"{row[-1] / len(truth) * 100:.1f} %")
PY
}

for lang in en nl; do
    voice=$([ "$lang" = en ] && echo en-gb || echo nl)
    text_var="script_$lang"
    printf '%s\n' "${!text_var}" > "$work/$lang.txt"
    espeak-ng -v "$voice" -s 150 -w "$work/$lang.wav" -f "$work/$lang.txt"
    seconds=$(python3 -c "import wave; w = wave.open('$work/$lang.wav'); print(f'{w.getnframes() / w.getframerate():.1f}')")
    /usr/bin/time -f '%e %M' -o "$work/time" "$binary" voice transcribe "$work/$lang.wav" --lang "$lang" \
        --text "$work/$lang.txt" --model "$model" --json > "$work/$lang.json"
    read -r wall peak < "$work/time"
    python3 -c "import json; print(json.load(open('$work/$lang.json'))['text'])" > "$work/$lang.heard"
    "$binary" voice transcribe "$work/$lang.wav" --lang "$lang" --model "$model" --json \
        | python3 -c "import json, sys; print(json.load(sys.stdin)['text'])" > "$work/$lang.unprompted"
    echo "$lang: take ${seconds} s, heard in ${wall} s, peak memory $((peak / 1024)) MB," \
        "WER with the script as prompt $(wer "$work/$lang.txt" "$work/$lang.heard")," \
        "without $(wer "$work/$lang.txt" "$work/$lang.unprompted")"
done
