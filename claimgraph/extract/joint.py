"""Acting together: 'X, along with Y, condemned Z', 'X fought Z alongside Y', 'in coordination with Y'.

The actors joined by such a phrase act with the clause's subject (X COOPERATES_WITH Y), and share its other
claims: `Arguments.subjects` adds them to the subject (Y condemned Z too). The phrases are word classes of
lexicon/frames.yaml (joint).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from claimgraph.extract.arguments import Actor, Arguments, is_passive
from claimgraph.extract.found import Found, emit
from claimgraph.lexicon import Lexicon


def joint(sent: Span, args: Arguments, lex: Lexicon) -> Iterator[Found]:
    """X COOPERATES_WITH Y for each joint phrase: X the subject (or the noun) the phrase hangs on."""
    for token in args.tokens(sent):
        if token.dep_ != "prep":
            continue
        anchor = args.joint_anchor(token)
        if anchor is None:
            continue
        partners = [a for p in token.children if p.dep_ == "pobj" for a in args.actors(p)]
        if anchor.lemma_.lower() in lex.cues["attribution_verbs"] or anchor.lemma_.lower() in lex.frames[
                "joint_copresence"]:
            continue  # "X testified alongside Y", "standing alongside Y, X said": being or speaking together is no tie
        if anchor.pos_ in ("VERB", "AUX"):
            holders = args.agents(anchor) if is_passive(anchor) else args.subjects(anchor, partners=False)
        else:
            holders = args.actors(anchor)
        yield from emit([Actor(h.mention, h.penalty + 0.1) for h in holders], partners, "COOPERATES_WITH", False,
                        token, 0.65, "joint")
