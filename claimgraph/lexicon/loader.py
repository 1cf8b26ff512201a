"""Load the lexicon files beside this module into lookup tables (once per process)."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources

import yaml

from claimgraph.errors import LexiconError
from claimgraph.model import RELATIONS


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str
    kind: str
    slots: tuple[str, ...]
    reverse: bool
    confidence: float
    source: str = "general"  # where the row comes from: "general" (by hand) or "cameo:CODE"


@dataclass(frozen=True)
class Actor:
    key: str
    name: str
    type: str
    country: str | None


@dataclass
class Lexicon:
    triggers: dict[tuple[str, str], tuple[Trigger, ...]] = field(default_factory=dict)
    affixes: dict[str, tuple[str, bool, float]] = field(default_factory=dict)
    transfers: dict[str, str] = field(default_factory=dict)
    transfer_verbs: dict[str, bool] = field(default_factory=dict)  # verb -> the subject receives
    activities: dict[tuple[str, str], str] = field(default_factory=dict)
    accusations: dict[tuple[str, str], tuple[tuple[str, ...], str, float]] = field(default_factory=dict)
    cues: dict[str, frozenset[str]] = field(default_factory=dict)
    heads: dict[str, str] = field(default_factory=dict)  # "security services" -> state|agency|group
    collective: frozenset[str] = frozenset()  # heads that name a collective actor ("cartels")
    definites: dict[str, frozenset[str]] = field(default_factory=dict)  # "the cartel" -> CriminalGroup
    group_heads: frozenset[str] = frozenset()  # generic group nouns ("groups", "forces")
    body_heads: frozenset[str] = frozenset()  # a name before them names the body: "the Los Toros gang"
    led_by: frozenset[str] = frozenset()  # a leader's name before them names his state: "the Maduro regime"
    group_modifiers: frozenset[str] = frozenset()  # modifiers that make them actors ("criminal", "far-left")
    qualified: frozenset[str] = frozenset()  # collective nouns that need a place: "police in Peru"
    relational: frozenset[str] = frozenset()  # relation nouns that name an actor: "ally", "proxy"
    titles: frozenset[str] = frozenset()
    portfolios: frozenset[str] = frozenset()  # "Defense" in "Defense Minister X": an office's field, no actor
    frames: dict[str, frozenset[str]] = field(default_factory=dict)  # frames.yaml: word classes by name
    tie_kinds: dict[str, str] = field(default_factory=dict)  # "economic" -> TRADES_WITH ("economic ties")
    aid_kinds: dict[str, str] = field(default_factory=dict)  # "military" -> ARMS ("military aid")
    pair_kinds: dict[str, str] = field(default_factory=dict)  # "pact" -> COOPERATES_WITH ("a Sino-Russian pact")
    parties: dict[str, tuple[str, str]] = field(default_factory=dict)  # "Republican" -> (party, country)
    capitals: dict[str, str] = field(default_factory=dict)  # a capital's alias -> its state's key (capitals.tsv)
    actors: dict[str, Actor] = field(default_factory=dict)  # key -> actor
    aliases: dict[str, str] = field(default_factory=dict)  # normalised alias -> key
    gazetteer_aliases: dict[str, str] = field(default_factory=dict)  # the same, from gazetteer.tsv alone
    max_alias_tokens: int = 1

    @property
    def alias_starts(self) -> dict[str, int]:
        """First word of every alias -> the most tokens an alias starting with it may span (hyphens and dots
        can be tokens of their own), so the gazetteer scan tries only the lengths that can match."""
        cached: dict[str, int] | None = self.__dict__.get("_alias_starts")
        if cached is None:
            cached = {}
            for key in self.aliases:
                first = re.split(r"[\s-]", key, maxsplit=1)[0]
                pieces = len(re.findall(r"\w+|[^\w\s]", key))
                cached[first] = max(cached.get(first, 0), pieces + 1)
            self.__dict__["_alias_starts"] = cached
        return cached

    def state(self, country: str | None) -> Actor | None:
        """The state a country code names ("VEN" -> Venezuela), or None."""
        actor = self.actors.get(f"phx:{country}") if country else None
        return actor if actor is not None and actor.type == "State" else None

    def collective_phrase(self, words: list[str]) -> int | None:
        """Where a collective actor's phrase starts in `words` (lower case, the head last), or None: a head that
        names one by itself, or a generic group noun after a qualifying modifier ('far-left forces': 0)."""
        if not words:
            return None
        head = words[-1].replace("’", "'")
        if head in self.collective:
            return len(words) - 1
        if head not in self.group_heads:
            return None
        for i in range(len(words) - 1):
            joined = "".join(words[i : i + 3]) if i + 2 < len(words) - 1 and words[i + 1] == "-" else words[i]
            if words[i] in self.group_modifiers or joined in self.group_modifiers:
                return i
        return None

    @property
    def relation_nouns(self) -> frozenset[str]:
        """Nouns that carry a relation ('ally', 'leader'): as arguments they point past themselves."""
        cached: frozenset[str] | None = self.__dict__.get("_relation_nouns")
        if cached is None:
            cached = frozenset(lemma for (lemma, pos) in self.triggers if pos == "noun")
            self.__dict__["_relation_nouns"] = cached
        return cached


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("claimgraph.lexicon").joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _yaml(name: str) -> dict:
    text = resources.files("claimgraph.lexicon").joinpath(name).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    _no_booleans(data, name)
    return data


WORD_CLASSES = ("presence_nouns", "dwelling_nouns", "gratitude_verbs", "aid_nouns", "presence_verbs", "residents",
                "ranks", "office_fields", "field_titles", "doing_alone", "taking_up",
                "hosting_verbs", "tie_nouns", "relation_building",
                "shared_features", "reciprocal_verbs", "part_nouns", "other_side_nouns", "event_nouns",
                "separation_nouns", "interview_verbs",
                "transfer_nouns", "founding_verbs", "press_titles")


def _no_booleans(data: object, name: str) -> None:
    """YAML reads a bare no, on, yes or off as a boolean: a word list would silently lose the word."""
    if isinstance(data, bool):
        raise LexiconError(f"{name}: {str(data).lower()!r} read as a boolean: quote the word (\"no\", \"on\")")
    if isinstance(data, dict):
        for value in data.values():
            _no_booleans(value, name)
    elif isinstance(data, list):
        for value in data:
            _no_booleans(value, name)


_TOKEN = re.compile(r"\w+(?:[.'’-]\w+)*\.?|[^\w\s]")


def alias_key(text: str) -> str:
    """How names are compared in the gazetteer: lower case, curly quotes straight, tokens single-spaced."""
    text = text.replace("’", "'").replace("‘", "'").lower().strip()
    text = re.sub(r"^the\s+", "", text)
    return " ".join(_TOKEN.findall(text))


@cache
def load() -> Lexicon:
    lex = Lexicon()
    lex.triggers = triggers([("relations.tsv", _rows("relations.tsv")), ("cameo_verbs.tsv", _rows("cameo_verbs.tsv"))])
    for row in _rows("affixes.tsv"):
        lex.affixes[row["affix"]] = (row["kind"], row["dir"] == "-", float(row["conf"]))
    lex.transfers = {row["goods"]: row["kind"] for row in _rows("transfers.tsv")}
    verbs = resources.files("claimgraph.lexicon").joinpath("transfer_verbs.txt").read_text()
    for line in verbs.splitlines():
        if line.strip() and not line.startswith("#"):
            verb, direction = line.split("\t")
            lex.transfer_verbs[verb.strip()] = direction.strip() == "-"
    lex.activities = {(row["modifier"], row["head"]): row["activity"] for row in _rows("activities.tsv")}
    for row in _rows("accusations.tsv"):
        lex.accusations[(row["lemma"], row["pos"])] = (tuple(row["slot"].split(",")), row["actor"],
                                                       float(row["conf"]))
    lex.parties = {row["word"]: (row["party"], row["country"]) for row in _rows("parties.tsv")}
    cues = _yaml("cues.yaml")
    lex.cues = {name: frozenset(str(v).lower() for v in values) for name, values in cues.items()}
    heads = _yaml("actor_heads.yaml")
    for kind in ("state", "agency", "group", "people", "media"):
        for head in heads[kind]:
            lex.heads[str(head).lower()] = "group" if kind == "people" else kind
    lex.collective = frozenset(str(v).lower().replace("’", "'") for v in heads["collective"])
    lex.definites = {str(k).lower(): frozenset(str(t) for t in v) for k, v in heads["definites"].items()}
    lex.group_heads = frozenset(str(v).lower() for v in heads["group_heads"])
    lex.body_heads = frozenset(str(v).lower() for v in heads["body_heads"])
    lex.led_by = frozenset(str(v).lower() for v in heads["led_by"])
    lex.group_modifiers = frozenset(str(v).lower() for v in heads["group_modifiers"])
    lex.titles = frozenset(str(v).lower() for v in heads["titles"])
    lex.portfolios = frozenset(str(v).lower() for v in heads["portfolios"])
    lex.relational = frozenset(str(v).lower() for v in heads["relational"])
    lex.qualified = frozenset(str(v).lower() for v in heads["qualified"])
    frames = _yaml("frames.yaml")
    for section in ("joint", "penalties", "measures", "advocacy", "undoing", "responsibility", "attributes",
                    "charges"):
        for name, values in frames[section].items():  # "attributes_verbs", "joint_adverbs", ...
            lex.frames[f"{section}_{name}"] = frozenset(str(v).lower() for v in values)
    for name in WORD_CLASSES:  # the flat word classes of frames.yaml
        lex.frames[name] = frozenset(str(v).lower() for v in frames[name])
    lex.frames["receiving_verbs"] = frozenset(str(v).lower() for v in frames["receiving"]["verbs"])
    lex.frames["receiving_kinds"] = frozenset(str(v) for v in frames["receiving"]["kinds"])
    if lex.frames["receiving_kinds"] - set(RELATIONS):
        raise LexiconError(f"frames.yaml: receiving kinds not in the ontology: "
                           f"{sorted(lex.frames['receiving_kinds'] - set(RELATIONS))}")
    for kind, words in frames["pair_nouns"].items():
        for word in words:
            if str(word).lower() in lex.pair_kinds:
                raise LexiconError(f"frames.yaml: pair noun {word!r} given twice")
            lex.pair_kinds[str(word).lower()] = kind
    for section, table in (("tie_kinds", lex.tie_kinds), ("aid_kinds", lex.aid_kinds)):
        for kind, words in frames[section].items():
            if kind not in RELATIONS:
                raise LexiconError(f"frames.yaml: {section}: unknown kind {kind!r}")
            for word in words:
                if str(word).lower() in table:
                    raise LexiconError(f"frames.yaml: {section}: modifier {word!r} given twice")
                table[str(word).lower()] = kind
    lex.frames["against_excluded"] = frozenset(str(v).lower() for v in frames["against"]["excluded"])
    lex.frames["against_nouns_excluded"] = frozenset(str(v).lower() for v in frames["against"]["nouns_excluded"])
    _reciprocal(lex, [str(v).lower() for v in frames["reciprocal_conflict"]])
    _load_actors(lex)
    return lex


def _reciprocal(lex: Lexicon, verbs: list[str]) -> None:
    """Reciprocal conflict verbs read their other party after "with" too; one no lexicon has becomes a trigger."""
    for verb in verbs:
        found = lex.triggers.get((verb, "verb"), ())
        if any(t.kind != "OPPOSES" and "prep:with" in t.slots for t in found):
            raise LexiconError(f"frames.yaml: reciprocal verb {verb!r} reads 'with' as another kind already")
        opposes = next((t for t in found if t.kind == "OPPOSES"), None)
        if opposes is None:
            added = Trigger(verb, "verb", "OPPOSES", ("prep:with", "prep:against"), False, 0.55, "frames:reciprocal")
        else:
            added = replace(opposes, slots=tuple(dict.fromkeys((*opposes.slots, "prep:with"))))
        lex.triggers[(verb, "verb")] = (*(t for t in found if t.kind != "OPPOSES"), added)


@cache
def jointly(lemma: str) -> Trigger:
    """The implicit trigger of a noun a joint adjective qualifies ("joint exercises", frames.yaml `joint`)."""
    return Trigger(lemma, "noun", "COOPERATES_WITH", ("prep:with", "prep:between"), False, 0.6, "frames:joint")


def against(lemma: str, pos: str = "verb") -> Trigger:
    """The implicit trigger of a verb or noun that has none but takes "against" + an actor (frames.yaml
    `against`)."""
    return Trigger(lemma, pos, "OPPOSES", ("prep:against",), False, 0.5, "frames:against")


def triggers(files: list[tuple[str, list[dict[str, str]]]]) -> dict[tuple[str, str], tuple[Trigger, ...]]:
    """Trigger rows by (lemma, pos). A row repeated, or a slot of a lemma given two kinds, is refused: a lexicon
    that says two things of one word would otherwise keep whichever came last, silently."""
    out: dict[tuple[str, str], tuple[Trigger, ...]] = {}
    where: dict[tuple[str, ...], str] = {}
    for name, rows in files:
        for number, row in enumerate(rows, start=1):
            at = f"{name} row {number} ({row['lemma']} {row['pos']})"
            if row.get("kind") not in RELATIONS or not row.get("source"):
                raise LexiconError(f"{at}: needs a relation kind and a source, has {row.get('kind')!r}")
            trig = Trigger(row["lemma"], row["pos"], row["kind"], tuple(row["slots"].split(",")),
                           row["dir"] == "-", float(row["conf"]), row["source"])
            seen = where.get((trig.lemma, trig.pos, trig.kind))
            if seen:
                raise LexiconError(f"{at}: {trig.kind} given twice (also {seen})")
            where[(trig.lemma, trig.pos, trig.kind)] = at
            for slot in trig.slots:
                other = next((t for t in out.get((trig.lemma, trig.pos), ()) if slot in t.slots), None)
                if other is not None:
                    raise LexiconError(f"{at}: slot {slot} is {trig.kind} here and {other.kind} in "
                                       f"{where[(other.lemma, other.pos, other.kind)]}")
            out[(trig.lemma, trig.pos)] = (*out.get((trig.lemma, trig.pos), ()), trig)
    return out


def _load_actors(lex: Lexicon) -> None:
    hand = _rows("actors.tsv")
    for source in (_rows("gazetteer.tsv"), hand):
        for row in source:
            actor = Actor(row["key"], row["name"], row["type"], row["country"] or None)
            lex.actors[actor.key] = actor
            for alias in [row["name"], *filter(None, (row["aliases"] or "").split("|"))]:
                key = alias_key(alias)
                if not key or (source is not hand and _ambiguous(key)):
                    continue
                if source is hand or key not in lex.aliases or _rank(actor) < _rank(lex.actors[lex.aliases[key]]):
                    lex.aliases[key] = actor.key
                    if source is not hand:
                        lex.gazetteer_aliases[key] = actor.key
                lex.max_alias_tokens = max(lex.max_alias_tokens, key.count(" ") + 1)
    _redirect_duplicates(lex, hand)
    for row in _rows("capitals.tsv"):
        state = f"phx:{row['country']}"
        key = alias_key(row["capital"])
        owner = lex.aliases.get(key)
        if state not in lex.actors or (owner is not None and lex.actors[owner].type != "Place"):
            continue  # a hand-kept metonym ("Moscow") is the state already
        if owner is None:  # a capital the gazetteer lacks is a place of its country
            owner = f"phx:{row['country']}:{key.replace(' ', '-')}"
            lex.actors[owner] = Actor(owner, row["capital"], "Place", row["country"])
            lex.aliases[key] = owner
        lex.capitals[key] = state
    for row in _rows("demonyms.tsv"):
        state = f"phx:{row['country']}"
        if state in lex.actors:
            lex.aliases[alias_key(row["demonym"])] = state


def _redirect_duplicates(lex: Lexicon, hand: list[dict[str, str]]) -> None:
    """A hand-kept actor absorbs the gazetteer rows that share one of its names and its kind
    ("Vladimir Putin" in both): every alias of those rows then names the hand-kept actor."""
    redirect: dict[str, str] = {}
    for row in hand:
        actor = lex.actors[row["key"]]
        for alias in [row["name"], *filter(None, (row["aliases"] or "").split("|"))]:
            other = lex.gazetteer_aliases.get(alias_key(alias))
            if other and other != actor.key and (lex.actors[other].type == "Person") == (actor.type == "Person"):
                redirect[other] = actor.key
    for alias, key in list(lex.aliases.items()):
        if key in redirect:
            lex.aliases[alias] = redirect[key]


_RANKS = {"State": 0, "Person": 1, "Agency": 3, "Place": 4}


def _rank(actor: Actor) -> int:
    """When two gazetteer rows share a name, a state beats a person, which beats an organisation."""
    return _RANKS.get(actor.type, 2)


_STOP_ALIASES = frozenset({"us", "it", "is", "in", "on", "as", "at", "an", "or", "no", "so", "to", "we", "he"})


def _ambiguous(key: str) -> bool:
    """Gazetteer aliases too short or too common to match on their own."""
    return len(key) < 3 or key in _STOP_ALIASES
