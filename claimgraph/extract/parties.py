"""Party labels: 'Republican Senator X', 'Democratic U.S. Congressman Y', 'X, a Democrat from Ohio': the word
(lexicon/parties.tsv) names the person's party when it qualifies a political title or stands beside the name."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from claimgraph.extract.arguments import Arguments
from claimgraph.extract.found import Found
from claimgraph.extract.spans import entity_key
from claimgraph.lexicon import Lexicon
from claimgraph.model import Mention

MAX_PREFIX = 5  # "Democratic U.S. Senate Majority Leader X": label, country, titles


def party_labels(sent: Span, args: Arguments, lex: Lexicon) -> Iterator[Found]:
    doc = sent.doc
    for person in [m for m in args.found.starting_in(sent.start, sent.end) if m.type == "Person"]:
        titled = False
        for i in range(person.tok_start - 1, max(sent.start, person.tok_start - MAX_PREFIX) - 1, -1):
            token = doc[i]
            if token.text in lex.parties and titled:
                yield Found(person, "MEMBER_OF", _party(token, lex), token, 0.6, "party-label")
                break
            if token.lower_.rstrip(".") in lex.titles:
                titled = True
                continue
            other = args.found.at(token)
            if other is None or other.type != "State":
                break  # the country a title is held for may sit between ("Democratic U.S. Congressman")
        root = doc[person.tok_start : person.tok_end].root
        for appos in (c for c in root.children if c.dep_ == "appos" and c.text in lex.parties):
            if appos.pos_ in ("PROPN", "NOUN") and args.found.at(appos) is None:
                yield Found(person, "MEMBER_OF", _party(appos, lex), appos, 0.55, "party-label")


def _party(token: Token, lex: Lexicon) -> Mention:
    name, country = lex.parties[token.text]
    key = entity_key("Party", name)
    return Mention(start=token.idx, end=token.idx + len(token.text), text=token.text, type="Party", name=name,
                   key=key, country=country, label="party", tok_start=token.i, tok_end=token.i + 1)
