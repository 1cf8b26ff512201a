#!/usr/bin/env python3
"""Resolution speed: 100,000 (or --names N, millions too) generated entity names with realistic variants, resolved
in one run.

Names come from the shipped gazetteer (people and organisations); each is written several ways, as news
would: titles ("Gen.", "President"), particles ("al-", "El"), transliterations (k/ck, i/y, accents),
middle initials, surnames alone, acronyms and country prefixes for organisations. Prints the time, the peak
memory of the process, and how many entities the names resolved to against how many actors were drawn.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from collections import Counter
from collections.abc import Iterator

from claimgraph.lexicon import load
from claimgraph.resolve import resolve
from claimgraph.resolve.cluster import Proto

TITLES = ["Gen.", "President", "Minister", "Dr.", "Sen.", "Col."]


def person_variants(name: str, rng: random.Random) -> list[str]:
    words = name.split()
    out = [name, f"{rng.choice(TITLES)} {name}"]
    if len(words) >= 2:
        out.append(words[-1])
        out.append(f"{words[0]} {words[0][0]}. {' '.join(words[1:])}")
        out.append(name.replace("k", "ck").replace("i", "y", 1))
        out.append(name.replace("al-", "El ").replace("el ", "al-"))
        out.append(name.replace("a", "á", 1))
    return out


def org_variants(name: str, rng: random.Random) -> list[str]:
    words = [w for w in name.split() if w.lower() not in ("of", "the", "and", "for")]
    out = [name, f"the {name}", f"U.S. {name}" if rng.random() < 0.1 else name.upper()]
    if len(words) >= 2:
        out.append("".join(w[0] for w in words).upper())
    return out


def actors(rng: random.Random) -> Iterator[tuple[str, str]]:
    """(name, type): the gazetteer's people and organisations, then new ones made from their words (a first name
    and a surname that both occur in the gazetteer; an organisation's words recombined), as many as asked for.
    Made names share surnames and words with real ones, as the names of a big archive do."""
    known = [(a.name, a.type) for a in load().actors.values()
             if a.type in ("Person", "Company", "Agency", "ArmedGroup", "Group")]
    rng.shuffle(known)
    yield from known
    people = [name.split() for name, kind in known if kind == "Person" and len(name.split()) >= 2]
    firsts = sorted({words[0] for words in people})
    lasts = sorted({words[-1] for words in people})
    orgs = [(name.split(), kind) for name, kind in known if kind != "Person" and len(name.split()) >= 2]
    seen = {name for name, _ in known}
    while True:
        if rng.random() < 0.6:
            name, kind = f"{rng.choice(firsts)} {rng.choice(lasts)}", "Person"
        else:
            (first, kind), (second, _) = rng.choice(orgs), rng.choice(orgs)
            name = " ".join(first[: max(1, len(first) // 2)] + second[len(second) // 2 :])
        if name not in seen:
            seen.add(name)
            yield name, kind


def generate(count: int, seed: int = 0) -> tuple[dict[str, Proto], int]:
    rng = random.Random(seed)
    protos: dict[str, Proto] = {}
    drawn = 0
    for name, kind in actors(rng):
        variants = person_variants(name, rng) if kind == "Person" else org_variants(name, rng)
        drawn += 1
        for variant in variants:
            key = f"gen:{len(protos)}"
            protos[key] = Proto(key, kind, Counter({variant: 1}), {f"doc{rng.randrange(5000)}"})
            if len(protos) >= count:
                return protos, drawn
    return protos, drawn


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--names", type=int, default=100_000)
    opts = parser.parse_args()
    protos, drawn = generate(opts.names)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    resolution = resolve(protos)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"names: {len(protos)} (variants of {drawn} actors) -> entities: {len(resolution.entities)}, "
          f"merges: {len(resolution.merges)}")
    target = "< 60 s for 100,000 names" if len(protos) <= 100_000 else "< 300 s for 1,000,000 names"
    print(f"resolution: {seconds:.1f} s (target {target}); peak memory {peak / 1024:.0f} MiB "
          f"(+{(peak - before) / 1024:.0f} MiB during resolution)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
