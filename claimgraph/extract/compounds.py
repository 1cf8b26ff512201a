"""Names joined by hyphens: 'the Russian-Iranian pact', 'U.S.-Japanese drills', 'the India-Pakistan rivalry',
and a name fused with an affix in one word ('U.S.-designated', 'Kremlin-backed').

The words are read from the text itself, not from the tokens, since the tokenizer keeps some of them whole
("U.S.-U.K."); a part that no mention covers gets a mention of its own, with its offsets in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from claimgraph.extract.arguments import Actor, Arguments
from claimgraph.extract.found import Found, emit
from claimgraph.extract.relations import affix_holders
from claimgraph.lexicon import Lexicon, alias_key
from claimgraph.model import Mention


def hyphenated(sent: Span, args: Arguments, lex: Lexicon) -> Iterator[Found]:
    yield from _pairs(sent, args, lex)
    yield from _fused_affixes(sent, args, lex)


def _pairs(sent: Span, args: Arguments, lex: Lexicon) -> Iterator[Found]:
    """Two or more actors joined by hyphens before a noun of a joint act or state: each pair gets its kind."""
    doc = sent.doc
    for noun in args.tokens(sent):
        kind = lex.pair_kinds.get(noun.lower_) or lex.pair_kinds.get(noun.lemma_.lower())
        if kind is None or noun.pos_ not in ("NOUN", "PROPN") or noun.left_edge.i >= noun.i:
            continue
        span = doc[noun.left_edge.i : noun.i]
        for chain in _CHAIN.finditer(span.text):
            actors = _parts(chain.group(), span.start_char + chain.start(), doc, args, lex)
            for i, a in enumerate(actors):
                for b in actors[i + 1 :]:
                    yield from emit([a], [b], kind, False, noun, 0.65, "pair")
                    if kind == "OPPOSES":  # a war or rivalry between two sides: each opposes the other
                        yield from emit([b], [a], kind, False, noun, 0.65, "pair")


# capitalised words joined by hyphens, each side up to three words: "U.S.-South Korean", "Sino-Russian"
_NAME = r"[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,2}"
_CHAIN = re.compile(rf"{_NAME}(?:-{_NAME})+")


def _parts(chain: str, start: int, doc: Doc, args: Arguments, lex: Lexicon) -> list[Actor]:
    """The actors of a hyphenated chain, or [] unless every part names one. The first part may carry words
    before the name ('New U.S.'), the last words after it ('South Korean Navy')."""
    pieces = chain.split("-")
    out: list[Actor] = []
    offset = 0
    for n, piece in enumerate(pieces):
        at = start + offset
        offset += len(piece) + 1
        words = piece.split()
        if n == 0:
            options = [" ".join(words[i:]) for i in range(len(words))]  # drop words in front
        elif n == len(pieces) - 1:
            options = [" ".join(words[: len(words) - i]) for i in range(len(words))]  # drop words behind
        else:
            options = [piece]
        mention = None
        for option in options:
            here = at + piece.index(option)
            mention = _named(option, here, doc, args, lex)
            if mention is not None:
                break
        if mention is None:
            return []
        if all(a.mention.key != mention.key for a in out):
            out.append(Actor(mention))
    return out if len(out) > 1 else []


def _named(piece: str, start: int, doc: Doc, args: Arguments, lex: Lexicon) -> Mention | None:
    if not piece[:1].isupper():
        return None
    token = doc.char_span(start, start + len(piece), alignment_mode="expand")
    known = args.found.at(token[0]) if token is not None and len(token) else None
    if known is not None and known.start <= start and start + len(piece) <= known.end \
            and known.end - known.start <= len(piece) + 1:
        return known
    key = lex.aliases.get(alias_key(piece))
    key = lex.capitals.get(alias_key(piece), key)  # "Ankara-Cairo talks": the governments
    actor = lex.actors.get(key) if key else None
    if actor is None or actor.type in ("Person", "Place"):
        return None
    i = token[0].i if token is not None and len(token) else -1
    return Mention(start=start, end=start + len(piece), text=piece, type=actor.type, name=actor.name, key=actor.key,
                   country=actor.country, label="demonym", tok_start=i, tok_end=i + 1)


def _fused_affixes(sent: Span, args: Arguments, lex: Lexicon) -> Iterator[Found]:
    """'a U.S.-designated terrorist group': the affix and the name in one token (split tokens are read by
    relations._affixes)."""
    for token in args.tokens(sent):
        text = token.text
        if "-" not in text.strip("-"):
            continue
        name, _, suffix = text.rpartition("-")
        entry = lex.affixes.get(f"-{suffix.lower()}")
        if entry is None or not name:
            continue
        mention = _named(name, token.idx, token.doc, args, lex)
        if mention is None:
            continue
        kind, reverse, conf = entry
        holders = [h for h in affix_holders(token, token, args, sent) if h.mention.key != mention.key]
        yield from emit(holders, [Actor(mention)], kind, reverse, token, conf, "affix")


