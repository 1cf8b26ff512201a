"""Cross-document resolution: group in-document entity keys into entities, keeping why each merge happened.

Blocking keeps the cost about linear: people meet only others sharing a surname sound, organisations only
others sharing a first word, an acronym or a core name. Merges never cross type families (a person never
joins a state; an agency of Russia is not Russia) nor two different countries.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from claimgraph import ontology
from claimgraph.resolve.names import (
    acronym,
    looks_like_acronym,
    org_core,
    org_tokens,
    person_tokens,
    plain,
    same_word,
    sound,
)


@dataclass
class Proto:
    """What one entity key was seen as: its names, type, documents and country."""

    key: str
    type: str
    names: Counter[str] = field(default_factory=Counter)
    docs: set[str] = field(default_factory=set)
    country: str | None = None
    anchored: bool = False  # a gazetteer entry
    hint: str | None = None  # the gazetteer entry one of its names is an alias of

    @property
    def family(self) -> str:
        return ontology.family(self.type)

    @property
    def best_name(self) -> str:
        return max(self.names, key=lambda n: (self.names[n], len(n), n)) if self.names else self.key


@dataclass(frozen=True)
class Merge:
    a: str
    b: str
    rule: str  # the rule, or the user judgement, that joined them
    names: tuple[str, str]
    docs: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())  # where each side's names were read


class UnionFind:
    """Union-find that also tracks, per cluster, its gazetteer anchors and countries (for merge vetoes) and the
    keys a user judged apart from it (a split: no rule joins them again)."""

    def __init__(self, protos: dict[str, Proto], apart: Iterable[tuple[str, str]] = ()):
        self.parent = {k: k for k in protos}
        self.anchors = {k: frozenset({k}) if p.anchored else frozenset() for k, p in protos.items()}
        self.countries = {k: frozenset({p.country}) if p.country else frozenset() for k, p in protos.items()}
        self.blocked: dict[str, set[str]] = defaultdict(set)
        for a, b in apart:
            if a in self.parent and b in self.parent:
                self.blocked[a].add(b)
                self.blocked[b].add(a)

    def find(self, key: str) -> str:
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def compatible(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        two_anchors = self.anchors[ra] and self.anchors[rb] and self.anchors[ra] != self.anchors[rb]
        two_countries = self.countries[ra] and self.countries[rb] and not self.countries[ra] & self.countries[rb]
        return not (two_anchors or two_countries or self.judged_apart(a, b))

    def judged_apart(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        return ra != rb and any(self.find(k) == rb for k in self.blocked.get(ra, ()))

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.anchors[ra] = self.anchors[ra] | self.anchors.pop(rb)
        self.countries[ra] = self.countries[ra] | self.countries.pop(rb)
        if rb in self.blocked:
            self.blocked[ra] |= self.blocked.pop(rb)
        return True


def cluster(protos: dict[str, Proto], uf: UnionFind | None = None,
            merges: list[Merge] | None = None) -> tuple[UnionFind, list[Merge]]:
    """Automatic merges over all protos (after the user's, when `uf` carries them); returns the union-find and
    the evidence of each merge."""
    uf = uf or UnionFind(protos)
    merges = merges if merges is not None else []

    def merge(a: Proto, b: Proto, rule: str) -> None:
        if a.key == b.key or a.family != b.family or not uf.compatible(a.key, b.key):
            return
        if uf.union(a.key, b.key):
            merges.append(Merge(a.key, b.key, rule, (a.best_name, b.best_name),
                                (tuple(sorted(a.docs)), tuple(sorted(b.docs)))))

    for proto in list(protos.values()):  # a name the gazetteer knows joins that gazetteer entry
        if proto.hint and proto.hint in protos:
            merge(protos[proto.hint], proto, "name listed in the gazetteer")
    people = [p for p in protos.values() if p.family == "person"]
    _people(people, merge, uf)
    orgs = [p for p in protos.values() if p.family == "org"]
    _orgs(orgs, merge)
    places = [p for p in protos.values() if p.family == "place"]
    by_name: dict[str, Proto] = {}
    for place in sorted(places, key=lambda p: (not p.anchored, p.key)):
        name = plain(place.best_name.split(",")[0])
        if name in by_name:
            merge(by_name[name], place, "same place name")
        else:
            by_name[name] = place
    return uf, merges


MergeFn = Callable[[Proto, Proto, str], None]


def _people(people: list[Proto], merge: MergeFn, uf: UnionFind) -> None:
    full: dict[str, list[tuple[Proto, list[str]]]] = defaultdict(list)  # surname sound -> full names
    single: list[tuple[Proto, str]] = []
    for person in sorted(people, key=lambda p: (not p.anchored, -len(p.docs), p.key)):
        tokens = max((person_tokens(n) for n in person.names), key=len, default=[])
        if len(tokens) >= 2:
            full[sound(tokens[-1])].append((person, tokens))
        elif tokens:
            single.append((person, tokens[0]))
    for block in full.values():  # full names: same surname, compatible first names
        for i, (a, ta) in enumerate(block):
            for b, tb in block[i + 1 :]:
                if same_word(ta[-1], tb[-1]) and _first_names_fit(ta, tb):
                    merge(a, b, "same person name (surname, first name or initial)")
    surnames: dict[str, list[tuple[Proto, list[str]]]] = defaultdict(list)
    firsts: dict[str, list[tuple[Proto, list[str]]]] = defaultdict(list)
    for block in full.values():
        for person, tokens in block:
            surnames[tokens[-1]].append((person, tokens))
            firsts[tokens[0]].append((person, tokens))
    for person, word in single:  # a surname alone joins the one full name that has it
        # a first name joins only within a shared document: "Jim" in one story is not the only Jim of another
        for index, rule, shared in ((surnames, "surname alone, unambiguous in the corpus", False),
                                    (firsts, "first name alone, unambiguous in a document they share", True)):
            fits = [(t, tokens) for t, tokens in index.get(word, []) if not shared or t.docs & person.docs]
            targets = {uf.find(t.key) for t, _ in fits}  # variants already merged count once
            if len(targets) == 1:
                merge(fits[0][0], person, rule)
                break


def _first_names_fit(a: list[str], b: list[str]) -> bool:
    fa, fb = a[0], b[0]
    if same_word(fa, fb):
        return True
    return len(fa) == 1 and fb.startswith(fa) or len(fb) == 1 and fa.startswith(fb)


def _orgs(orgs: list[Proto], merge: MergeFn) -> None:
    by_core: dict[str, Proto] = {}
    by_acronym: dict[str, list[Proto]] = defaultdict(list)
    for org in sorted(orgs, key=lambda p: (not p.anchored, -len(p.docs), p.key)):
        cores = {org_core(n) for n in org.names} - {""}
        for core in cores:
            if core in by_core:
                merge(by_core[core], org, "same organisation name")
            else:
                by_core[core] = org
        for name in org.names:
            initials = acronym(name)
            if initials and len(initials) >= 2:
                by_acronym[initials].append(org)
    for org in orgs:  # an acronym joins the one long form it abbreviates
        for name in org.names:
            if looks_like_acronym(name):
                fits = {o.key: o for o in by_acronym.get(plain(name).replace(" ", ""), [])}
                if len(fits) == 1:
                    merge(next(iter(fits.values())), org, "acronym of the long form")
    by_tokens: dict[tuple[str, ...], Proto] = {}
    for org in orgs:
        for name in org.names:
            tokens = tuple(sorted(org_tokens(name)))
            if len(tokens) >= 2:
                if tokens in by_tokens:
                    merge(by_tokens[tokens], org, "same words in another order")
                else:
                    by_tokens[tokens] = org
