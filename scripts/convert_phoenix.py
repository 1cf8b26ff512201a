#!/usr/bin/env python3
"""Convert the Phoenix/PETRARCH2 actor dictionaries (MIT) into claimgraph's gazetteer TSV.

Usage: convert_phoenix.py PHOENIX_DIR OUT.tsv

Each output row: key, name, type, country, aliases ('|'-separated). Types follow
ONTOLOGY.md section 2, mapped from the CAMEO sector codes; country is the code's
three-letter prefix. Country entries keep only aliases that are spellings of the
country or its demonym (cities become Place rows of that country).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

SECTOR_TYPES = [  # first match wins, on the code after the country prefix
    ("REB", "ArmedGroup"), ("INS", "ArmedGroup"), ("SEP", "ArmedGroup"), ("CRM", "CriminalGroup"),
    ("SPY", "Agency"), ("COP", "Agency"), ("MIL", "Agency"), ("JUD", "Agency"), ("LEG", "Agency"),
    ("GOV", "Agency"), ("PTY", "Party"), ("MED", "Media"), ("BUS", "Company"), ("MNC", "Company"),
    ("NGO", "Group"), ("IGO", "Bloc"), ("UNO", "Bloc"),
]
SMALL = {"of", "the", "and", "for", "de", "del", "la", "el", "al", "in", "on", "y", "da", "do", "van", "von"}
ENTRY = re.compile(r"^([^\s#\[+][^#\[]*?)\s*(\[[^\]]*\])?\s*(#.*)?$")
CODE = re.compile(r"\[([A-Z~]{3,})[^\]]*\]")
DATED = re.compile(r"\[[A-Z~]{3,}[^\]]*\d[^\]]*\]")  # a code held from, until or between dates
BODY_WORDS = re.compile(r"\b(ASSEMBLY|COUNCIL|PARTY|ARMY|FRONT|MOVEMENT|BRIGADE|COALITION|FORCE|ORGANI[SZ]ATION|"
                        r"SOVIET|UNION|COMMITTEE|MINISTRY|DEPARTMENT|GOVERNMENT|CONGRESS|COURT|COMMISSION|BUREAU|"
                        r"SERVICE|POLICE|AGENCY|OFFICE|BANK|LEAGUE|ALLIANCE|CABINET|PARLIAMENT|SENATE|JUNTA|STATE|AUTHORITY|"
                        r"REPUBLICA?|OBSERVATORY|JAISH|JAYSH|ANSAR|OF|THE)\b")
SMALL_UPPER = {"PRESIDENT", "PRIME", "MINISTER", "FORMER", "VICE", "GENERAL", "SENATOR", "KING", "QUEEN", "PRINCE",
               "DR", "MR", "MRS", "SIR", "LORD", "FOREIGN", "DEFENSE", "DEFENCE", "SECRETARY", "AMBASSADOR",
               "CHIEF", "DEPUTY", "SPEAKER", "GOVERNOR", "LEADER", "COLONEL", "CAPTAIN", "MAJOR", "LIEUTENANT",
               "ADMIRAL", "JUDGE", "JUSTICE", "REP", "SEN", "GEN", "COL", "CAPT", "LT"}
DEMONYM_END = ("AN", "ANS", "ESE", "ISH", "I", "IAN", "IC", "CH", "ESE")


def words(raw: str) -> str:
    raw = raw.replace("!PERSON!", "").strip("_ ")
    raw = re.sub(r"\(.*?\)", "", raw)
    return re.sub(r"[_ ]+", " ", raw).strip(" ,")


def display(name: str, etype: str = "") -> str:
    tokens = name.split()
    if len(tokens) == 1 and len(name) <= 5 and "." not in name and etype not in ("Place", "Person", "State"):
        return name.upper()  # an organisation's short name is an acronym (FSB, NATO); a place's is not
    out = []
    for i, tok in enumerate(tokens):
        low = tok.lower()
        if i and low in SMALL:
            out.append(low)
        elif re.fullmatch(r"([A-Z]\.)+", tok):
            out.append(tok)
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in tok.split("-")))
    return " ".join(out)


def parse(path: Path) -> list[dict]:
    entries: list[dict] = []
    current: dict | None = None
    for line in path.read_text(encoding="latin-1").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[0] in " \t":
            if current is not None:
                current["codes"] += CODE.findall(line)
                current["dated"] = current["dated"] or DATED.search(line) is not None
            continue
        if line.startswith("+"):
            if current is not None:
                alias = words(line[1:].split("#")[0].split("[")[0])
                if alias:
                    current["aliases"].append(alias)
                current["codes"] += CODE.findall(line)
                current["dated"] = current["dated"] or DATED.search(line) is not None
            continue
        match = ENTRY.match(line)
        if not match:
            continue
        name = words(match.group(1))
        if not name:
            continue
        current = {"name": name, "aliases": [], "codes": CODE.findall(line), "dated": DATED.search(line) is not None,
                   "person": "CountryInfo" in (match.group(3) or "") or "rulers" in line}
        entries.append(current)
    return entries


def classify(entry: dict, file_kind: str) -> tuple[str | None, str | None]:
    codes = [c for c in entry["codes"] if not c.startswith("~")]
    if not codes:
        return None, None
    code = codes[-1]  # dated codes run oldest first: the last is the current one ("[USRAZE <911018] [AZE >911221]")
    country = code[:3] if file_kind != "international" else None
    sector = code[3:]
    if file_kind == "countries" and len(code) == 3 and not entry["person"]:
        return "State", code
    if entry["person"] or any(c.endswith("ELI") for c in codes):
        return "Person", country
    if file_kind == "countries" and entry.get("dated") and len(entry["name"].split()) >= 2 \
            and not BODY_WORDS.search(entry["name"]):
        return "Person", country  # a role held between dates ("[CHNGOV >20121115]") is a person's: Xi Jinping
    if file_kind == "milnonstate":
        return "ArmedGroup", country
    if file_kind == "international":  # the code opens with the actor's own sector ("IGOWAFBUSWAS": an IGO that
        sector = code  # deals with business, not a business)
        for part, kind in SECTOR_TYPES:
            if code.startswith(part):
                return kind, country
    for part, kind in SECTOR_TYPES:
        if part in sector:
            return kind, country
    return ("Bloc" if file_kind == "international" else "Agency"), country


def country_rows(entry: dict, code: str) -> list[tuple[str, str, str, str, list[str]]]:
    """A country row with its own spellings; its other aliases (cities) as Place rows."""
    name = entry["name"]
    stem = name[:4]
    own, places = [], []
    for alias in entry["aliases"]:
        same = alias[:4] == stem or alias[:3] == name[:3] and alias.endswith(DEMONYM_END)
        dotted = re.fullmatch(r"([A-Z]\.\s?)+", alias) is not None
        if same or dotted or any(w in alias for w in ("REPUBLIC", "KINGDOM", "STATES", "UNION")):
            own.append(alias)
        else:
            places.append(alias)
    formal = display(name, "State")
    short = LONG_FORM.sub("", formal)  # "Republic of South Africa" is known as South Africa
    aliases = [display(a, "State") for a in own] + ([formal] if short != formal else [])
    rows = [(f"phx:{code}", short, "State", code, aliases)]
    for place in places:
        rows.append((f"phx:{code}:{place.lower().replace(' ', '-')}", display(place, "Place"), "Place", code, []))
    return rows


LONG_FORM = re.compile(r"^(United )?(Republic|Federation|Kingdom|Commonwealth|Principality|Sultanate|Grand Duchy) of "
                       r"(the )?")
JUNK = re.compile(r"\b(ADMINISTRATION|GOVERNMENT|CABINET|REGIME|SUPPORTERS|FAMILY)\b")


OFFICE = re.compile(r"^(THE_)?(([A-Z]+_)?(PRESIDENT|VICE|PRIME|MINISTER|SECRETARY|AMBASSADOR|CHAIRMAN|CHIEF|"
                    r"DEPUTY|SPEAKER|GOVERNOR|HEAD|LEADER|KING|QUEEN|FIRST_LADY|US_|U.S._|AMERICAN_)|"
                    r"[A-Z]+_(PRESIDENT|VICE-PRESIDENT|PRIME_MINISTER|MINISTER|SECRETARY|AMBASSADOR|CHANCELLOR|PREMIER|MAYOR|"
                    r"GOVERNOR|SPEAKER)_?$)")


HONORIFICS = {"SHEIK", "SHEIKH", "SAYYED", "SAYYID", "SEYYED", "SAYED", "MULLAH", "IMAM", "MAULANA", "AYATOLLAH"}
GROUP_WORDS = re.compile(r"\b(BRIGADES|BATTALIONS?|CLUB|COMMUNITY|HOUSE|ISLANDS?|FORCES|GROUP|NETWORK|CELL|COMMAND|"
                         r"CORPS|CENTER|CENTRE|INSTITUTE|FOUNDATION|SOCIETY|ASSOCIATION|UNIVERSITY|COMPANY|"
                         r"CORPORATION|KOMPI|MARTYRS|LIONS|SONS|CHANCELLOR)\b")
GIVEN_NAMES: set[str] = set()  # first words of the dictionaries' people, filled by main() before any row


def person_like(alias: str, siblings: list[str]) -> bool:
    """An organisation's alias that names one of its people (Phoenix codes a group's leaders as the group:
    "HASSAN_NASRALLAH" under Hezbollah): an honorific or a known given name first and no body word, or a lone
    surname that another such alias of the entry ends with ("NASRALLAH")."""
    words = alias.replace("_", " ").split()
    if not words or BODY_WORDS.search(" ".join(words)) or GROUP_WORDS.search(" ".join(words)):
        return False
    if len(words) >= 2 and (words[0] in HONORIFICS or words[0] in GIVEN_NAMES):
        return True
    return len(words) == 1 and any(s != alias and person_like(s, []) and s.replace("_", " ").split()[-1] == words[0]
                                   for s in siblings)


def entity_rows(entry: dict, kind: str, etype: str, country: str) -> list[tuple[str, str, str, str, list[str]]]:
    """A person keeps its name variants; an organisation keeps only its acronyms and variants of its
    own name (Phoenix codes distinct bodies alike: those become rows of their own, its people Person rows)."""
    name = entry["name"]
    if etype != "Person" and OFFICE.match(name.replace(" ", "_")):
        return []  # an office ("President of the United States"), not an actor
    own, others = [], []
    for alias in entry["aliases"]:
        if JUNK.search(alias) or (etype != "Person" and OFFICE.match(alias.replace(" ", "_"))):
            continue
        variant = alias in name or name in alias or re.fullmatch(r"[A-Z.&-]{2,7}", alias) is not None
        (own if etype == "Person" or variant else others).append(alias)
    rows = [(f"phx:{kind[:3]}:{slug(name)}", display(name, etype), etype, country, [display(a, etype) for a in own])]
    for alias in others:
        atype = "Person" if person_like(alias, others) else etype
        rows.append((f"phx:{kind[:3]}:{slug(alias)}", display(alias, atype), atype, country, []))
    return rows


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9.]+", "-", name.lower()).strip("-")


def main(argv: list[str]) -> int:
    src, out = Path(argv[1]), Path(argv[2])
    files = {"countries": "Phoenix.Countries.actors.txt", "international": "Phoenix.International.actors.txt",
             "milnonstate": "Phoenix.MilNonState.actors.txt"}
    rows: dict[str, tuple[str, str, str, str, list[str]]] = {}
    states: dict[str, list[dict]] = {}
    firsts: dict[str, int] = {}
    for entry in parse(src / files["countries"]):
        if classify(entry, "countries")[0] == "Person":
            for name in [entry["name"], *entry["aliases"]]:
                words = name.replace("_", " ").split()
                if len(words) >= 2:
                    firsts[words[0]] = firsts.get(words[0], 0) + 1
    nations = {w for e in parse(src / files["countries"]) if classify(e, "countries")[0] == "State"
               for name in [e["name"], *e["aliases"]] for w in name.replace("_", " ").split()}
    GIVEN_NAMES.update(w for w, n in firsts.items() if n >= 3 and len(w) > 2 and not BODY_WORDS.search(w)
                       and w not in SMALL_UPPER and w not in nations)
    for kind, filename in files.items():
        for entry in parse(src / filename):
            etype, country = classify(entry, kind)
            if etype is None:
                continue
            if etype == "State" and country:
                states.setdefault(country, []).append(entry)
                continue
            for row in entity_rows(entry, kind, etype, country or ""):
                rows.setdefault(row[0], row)
    for code, entries in states.items():
        # Several entries may carry one country code (a city coded as its country, a former name):
        # the country itself is the one with the most spellings; the others are places in it.
        entries.sort(key=lambda e: -len(e["aliases"]))
        for row in country_rows(entries[0], code):
            rows[row[0]] = row
        for other in entries[1:]:
            for name in [other["name"], *other["aliases"]]:
                key = f"phx:{code}:{name.lower().replace(' ', '-')}"
                rows.setdefault(key, (key, display(name, "Place"), "Place", code, []))
    with out.open("w", encoding="utf-8") as f:
        f.write("# Converted from the Phoenix/PETRARCH2 actor dictionaries by scripts/convert_phoenix.py.\n")
        f.write("# Copyright (c) 2014 Open Event Data Alliance, MIT License: "
                "see LICENSE-phoenix.txt beside this file.\n")
        f.write("key\tname\ttype\tcountry\taliases\n")
        for key, name, etype, country, aliases in sorted(rows.values()):
            uniq = sorted({a for a in aliases if a and a != name})
            f.write(f"{key}\t{name}\t{etype}\t{country}\t{'|'.join(uniq)}\n")
    print(f"{len(rows)} rows -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
