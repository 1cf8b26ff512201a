"""Name normalisation for resolution: transliteration, titles, particles, initials, sound-alike keys."""

from __future__ import annotations

import re
from functools import cache, lru_cache

import jellyfish
from normality import normalize

PARTICLES = frozenset({"al", "el", "ad", "as", "ash", "at", "az", "bin", "ibn", "bint", "abu", "de", "da", "del",
                       "della", "der", "di", "do", "dos", "das", "du", "la", "le", "van", "von", "y", "mac", "st"})
ORG_STOP = frozenset({"the", "of", "and", "for", "de", "la", "del", "in", "on", "&"})
ORG_SUFFIXES = frozenset({"inc", "corp", "corporation", "co", "ltd", "llc", "plc", "sa", "ag", "gmbh", "group",
                          "company", "oao", "pao", "ooo", "jsc"})


@cache
def titles() -> frozenset[str]:
    from claimgraph.lexicon import load

    return frozenset(t.replace(".", "") for t in load().titles) | {"mr", "mrs", "ms", "dr", "gen", "adm", "col",
                                                                   "lt", "sgt", "capt", "maj", "sen", "rep", "gov"}


def plain(name: str) -> str:
    """Lower-case ASCII words: 'Tareck El Aissami' -> 'tareck el aissami', 'Nicolás' -> 'nicolas'."""
    return normalize(name.replace("’", "'").replace("'s", ""), lowercase=True, ascii=True) or ""


def person_tokens(name: str) -> list[str]:
    """Name words without titles, particles, initials and suffixes ('Gen. John F. Kelly Jr.' -> john kelly)."""
    words = plain(name).replace("-", " ").split()
    while words and words[0] in titles():
        words = words[1:]
    words = [w for w in words if w not in PARTICLES and len(w) > 1 and w not in ("jr", "sr", "ii", "iii")]
    return words


@cache
def sound(word: str) -> str:
    """A sound-alike key: 'Tareck' and 'Tarek' share one, so do 'Aissami' and 'Aisami'."""
    return jellyfish.metaphone(word) or word


@lru_cache(maxsize=1 << 20)  # the same words meet again and again in a big corpus's name blocks
def same_word(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) >= 4 and len(b) >= 4 and sound(a) == sound(b) and a[0] == b[0]:
        return True
    return len(a) >= 5 and len(b) >= 5 and jellyfish.jaro_winkler_similarity(a, b) >= 0.93


def org_tokens(name: str) -> list[str]:
    words = [w for w in plain(name).split() if w not in ORG_STOP]
    while words and words[-1] in ORG_SUFFIXES and len(words) > 1:
        words = words[:-1]
    return words


@cache
def state_prefixes() -> frozenset[str]:
    """Every name and demonym of a state in the lexicon ('united states', 'u s', 'american', 'mexican', ...)."""
    from claimgraph.lexicon import load

    lex = load()
    names = {plain(alias) for alias, key in lex.aliases.items() if lex.actors[key].type == "State"}
    return frozenset(n for n in names if n) | {"u s", "us", "uk", "u k"}


def org_core(name: str) -> str:
    """An organisation's name without a leading state name or demonym ('U.S. Southern Command' -> 'southern
    command', 'Mexican Navy' -> 'navy'); the country veto of clustering keeps two states' bodies apart."""
    words = org_tokens(name)
    prefixes = state_prefixes()
    for size in (3, 2, 1):
        head, rest = " ".join(words[:size]), " ".join(words[size:])
        if len(words) > size and head in prefixes and len(rest) > 4:
            return rest
    return " ".join(words)


def acronym(name: str) -> str:
    words = [w for w in re.split(r"[\s\-/]+", plain(name)) if w and w not in ORG_STOP]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def looks_like_acronym(name: str) -> bool:
    letters = name.replace(".", "").replace("-", "")
    return 2 <= len(letters) <= 7 and letters.isupper() and letters.isalpha()
