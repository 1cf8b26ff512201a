"""Collective actors named without a name: 'Islamist groups', 'far-left forces', 'drug cartels', 'Colombian
rebels' (lexicon `collective`, `group_heads`, `group_modifiers`)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claimgraph.extract.demonyms import clean_name
from claimgraph.extract.references import name_after, resolve_reference
from claimgraph.extract.spans import QUOTES, Mentions, make_mention
from claimgraph.lexicon import Lexicon, alias_key
from claimgraph.model import Mention


def collectives(doc: Doc, found: Mentions, lex: Lexicon) -> None:
    for token in doc:
        if token.pos_ not in ("NOUN", "PROPN") or found.at(token) is not None:
            continue
        if token.dep_ == "compound" and token.head.pos_ in ("NOUN", "PROPN"):
            continue  # the head of the phrase decides
        renamed = found.at(token.head) if token.dep_ == "appos" else None
        if renamed is not None and renamed.label != "collective":
            continue  # "Al-Shabab, a terrorist group": a description of the named actor, not another actor
        if name_after(token, found, lex) is not None:
            continue  # "the militia Kataib Hezbollah": the class noun of the name that follows
        if token.lower_ in lex.definites and [c.lower_ for c in token.lefts] in (["the"], ["this"], ["that"]) \
                and resolve_reference(token, found, lex) is not None:
            continue  # "the cartel": a reference back to a named cartel, resolved where it is used
        mods = [c for c in token.lefts if c.dep_ in ("compound", "amod", "nmod") and found.at(c) is None]
        start = min((c.left_edge.i for c in mods), default=token.i)
        for i in range(start, token.i):  # never swallow a named actor: "FARC terrorists" stays FARC + noun
            if found.at(doc[i]) is not None:
                start = i + 1
                if start + 1 < token.i and doc[start].text == "-":  # "Russian-loyal Ba'athists": skip "-loyal"
                    start += 2
        while start < token.i and (doc[start].is_punct or doc[start].pos_ in ("DET", "NUM", "PRON", "VERB")):
            start += 1
        words = doc[start : token.i + 1]
        where = _whereabouts(token, start, found)
        key = _collective_key(words, token, lex, qualified=where is not None)
        if key is None:
            continue
        name = clean_name(words.text)
        country = None
        if where is not None:  # "rebels in Darfur", "Ivory Coast rebels": one group, not every rebel anywhere
            place, before = where
            left = min([place.tok_start, *(c.left_edge.i for c in token.lefts if c.dep_ in ("amod", "compound"))])
            phrase = doc[left : token.i + 1].text if before else f"{name} {doc[token.i + 1 : place.tok_end].text}"
            name = clean_name(phrase)
            key = f"{key}:{alias_key(place.name)}"
            country = place.country
        found.add(make_mention(words, "Media" if "media" in key else "Group", name, f"group:{key}", country,
                           "collective"))


def _whereabouts(head: Token, start: int, found: Mentions) -> tuple[Mention, bool] | None:
    """The place a collective noun is qualified by: a name right before it ('Ivory Coast rebels') or
    'in PLACE' right after it ('rebels in the Ivory Coast')."""
    doc = head.doc
    if start > 0:
        before = found.at(doc[start - 1])
        if before is not None and before.type in ("Place", "State") and before.tok_end == start \
                and doc[start - 1].head.i == head.i and before.label not in ("demonym",):
            return before, True
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "in" and prep.i == head.i + 1:
            for pobj in prep.children:
                place = found.at(pobj)
                if pobj.dep_ == "pobj" and place is not None and place.type in ("Place", "State") \
                        and all(t.lower_ == "the" for t in doc[prep.i + 1 : place.tok_start]):
                    return place, False
    return None


def _collective_key(words: Span, head: Token, lex: Lexicon, qualified: bool = False) -> str | None:
    """The key of a collective actor's phrase ('drug cartel', 'far-left forces'), or None if it names none."""
    lower = [t.lower_.translate(QUOTES) for t in words]
    start = lex.collective_phrase(lower)
    if start is None:
        for i in range(len(words)):  # "security forces in Guinea": a common noun, an actor with its place
            if qualified and " ".join(lower[i:]) in lex.qualified:
                return head.lemma_.lower() if i == len(words) - 1 else alias_key(words[i:].text)
        return None
    if start == len(words) - 1:
        compounds = [t.lemma_.lower() for t in words if t.dep_ == "compound" and t.i < head.i]
        return " ".join([*compounds, head.lemma_.lower()])
    return alias_key(words[start:].text)
