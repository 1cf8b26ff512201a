"""What a pattern finds (`Found`), and `emit`: the one place a pattern's holders and others become relations,
with the checks every kind shares (no self-ties, no place that backs or trades, capitals that act as their state)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from claimgraph.extract.arguments import Actor
from claimgraph.extract.spans import capital_state
from claimgraph.lexicon import Trigger, alias_key, load
from claimgraph.model import SYMMETRIC, Mention
from claimgraph.ontology import PLACE_KINDS


@dataclass
class Found:
    """A relation read in a sentence, before cues (attribution, hedging) are added."""

    subject: Mention
    relation: str
    object: Mention | None
    trigger: Token
    confidence: float
    pattern: str
    activity: str | None = None
    role: str | None = None


def emit(holders: list[Actor], others: list[Actor], kind: str, reverse: bool, trigger: Token, conf: float,
          pattern: str, role: str | None = None) -> Iterator[Found]:
    for h in holders:
        for o in others:
            if h.mention.key == o.mention.key:
                continue
            subj, obj = (o, h) if reverse else (h, o)
            relation = kind
            subj = Actor(capital_as_state(subj.mention), subj.penalty)
            if kind not in ("OPPOSES", "OPERATES_IN", "MEMBER_OF"):
                obj = Actor(capital_as_state(obj.mention), obj.penalty)
            if subj.mention.key == obj.mention.key:
                continue  # "Ankara ... if it (Turkey)": a capital and its state are one actor
            if kind == "OPERATES_IN" and obj.mention.type not in ("Place", "State"):
                continue
            if (kind in SYMMETRIC or kind == "TRADES_WITH") and _own_organ(subj.mention, obj.mention):
                continue  # "the Haitian government will invest in the Haitian National Police": one state
            if kind not in PLACE_KINDS and "Place" in (subj.mention.type, obj.mention.type):
                continue  # a place is where actors are (or what is attacked), not one that backs or trades
            if kind == "OPERATES_IN" and is_language(obj.mention, trigger.doc):
                continue  # "read Tolstoy in German": a language, not a place
            if kind == "OPERATES_IN":
                obj = Actor(the_city(obj.mention), obj.penalty)  # "born in Washington": the city, not the state
            if kind == "MEMBER_OF" and obj.mention.type == "Place":
                relation = "OPERATES_IN"  # "New Jersey Gov. X", "mayor of Mohammadia": an office held in a place
            if kind == "MEMBER_OF" and obj.mention.type == "Person":
                continue
            if kind == "MEMBER_OF" and subj.mention.type == obj.mention.type == "State":
                continue  # a state is no member of a state ("Vietnam stands to join peers such as Singapore")
            if kind == "MEMBER_OF" and obj.mention.label in ("demonym", "collective") \
                    and obj.mention.type in ("Group", "Media") and obj.mention.text.split()[-1][-1:] != "s":
                continue  # "X, a Palestinian journalist": a description of X, not a body X belongs to
            score = max(0.05, min(1.0, conf - h.penalty - o.penalty))
            yield Found(subj.mention, relation, obj.mention, trigger, round(score, 3), pattern, role=role)


def _own_organ(a: Mention, b: Mention) -> bool:
    """A state and one of its own agencies ('Kenya' and 'the Kenyan police') are one side, not two partners."""
    lex = load()
    for x, y in ((a, b), (b, a)):
        if x.type != "State" or y.type != "Agency":
            continue
        if x.country is not None and y.country == x.country:
            return True
        if lex.aliases.get(alias_key(y.name.split()[0])) == x.key:  # "the Haitian National Police"
            return True
    return False


LANGUAGES = frozenset({
    "english", "spanish", "french", "arabic", "russian", "chinese", "german", "portuguese", "turkish", "italian",
    "persian", "japanese", "korean", "hebrew", "dutch", "polish", "serbo-croatian", "urdu", "hindi", "indonesian",
    "vietnamese", "thai", "greek", "romanian", "hungarian", "czech", "ukrainian", "farsi", "dari", "pashto",
    "swahili", "bulgarian", "slovak", "albanian", "macedonian", "croatian", "mandarin", "cantonese", "latin"})


def is_language(mention: Mention, doc: Doc) -> bool:
    """'in German', 'in Spanish': a language named where a place would stand."""
    if mention.tok_start < 0 or mention.tok_end - mention.tok_start != 1:
        return False
    token = doc[mention.tok_start]
    return token.lower_ in LANGUAGES or (mention.label == "demonym" and token.tag_ == "JJ")


def the_city(mention: Mention) -> Mention:
    """A capital named for its government ('Moscow said') is, where something is present, the city itself."""
    if mention.type != "State" or mention.label != "gazetteer" or alias_key(mention.text) == alias_key(mention.name):
        return mention
    if not mention.text[:1].isupper():
        return mention  # "the Kremlin" stays the state
    return replace(mention, type="Place", name=mention.text, key=f"place:{alias_key(mention.text)}")


def capital_as_state(mention: Mention) -> Mention:
    """A capital is a place, but one that acts stands for its government ('Nairobi condemned', 'visited Kyiv');
    what is done to it or in it is done to the city ('shelled Kyiv', 'based in Kyiv'). Capitals of capitals.tsv."""
    return capital_state(mention, load())


def pairs(actors: list[Actor], trig: Trigger, verb: Token, conf: float) -> Iterator[Found]:
    for i, a in enumerate(actors):
        for b in actors[i + 1 :]:
            yield from emit([a], [b], trig.kind, False, verb, conf - 0.1, "verb-coordinated")
