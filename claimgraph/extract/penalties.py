"""Penalties named from the target's side: 'Tehran is facing tough U.S. and international sanctions', 'Venezuela,
under EU sanctions since 2017, ...', 'the firm evaded American sanctions'. The actor the penalty's modifier (or its
'by'/'from' phrase) names imposes it on the actor that faces, evades or is under it: OPPOSES. Word classes:
lexicon/frames.yaml penalties."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from claimgraph.extract.arguments import Actor, Arguments, is_passive
from claimgraph.extract.found import Found, emit
from claimgraph.lexicon import Lexicon

IMPOSERS = ("State", "Bloc", "Agency")


def penalties(sent: Span, args: Arguments, lex: Lexicon) -> Iterator[Found]:
    frames = lex.frames
    for noun in args.tokens(sent):
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in frames["penalties_nouns"]:
            continue
        imposers = _imposers(noun, args)
        if not imposers:
            continue
        head = noun.head
        targets: list[Actor] = []
        if noun.dep_ == "dobj" and head.lemma_.lower() in frames["penalties_verbs"] and not is_passive(head):
            targets = args.subjects(head)  # "Iran faces U.S. sanctions"
        elif noun.dep_ == "pobj" and head.lower_ in frames["penalties_preps"]:
            governor = head.head  # "Iran remains under U.S. sanctions" / "Iran, under U.S. sanctions, ..."
            targets = args.subjects(governor) if governor.pos_ in ("VERB", "AUX") else args.actors(governor)
        yield from emit(imposers, [Actor(t.mention, t.penalty + 0.05) for t in targets], "OPPOSES", False, noun,
                        0.6, "penalty")


def _imposers(noun: Token, args: Arguments) -> list[Actor]:
    """The actors a penalty noun names as its authors: its modifiers ('U.S. and EU sanctions', 'Washington's
    sanctions') or a 'by' / 'from' phrase."""
    found: list[Actor] = []
    for child in noun.children:
        if child.dep_ in ("compound", "amod", "nmod", "poss") and child.i < noun.i:
            for word in [child, *child.conjuncts]:
                mention = args.found.at(word)
                if mention is not None and mention.type in IMPOSERS:
                    found.append(Actor(mention))
    found += [a for a in args.prep_objects(noun, {"by", "from"}) if a.mention.type in IMPOSERS]
    return found
