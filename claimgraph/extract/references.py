"""Reference resolution, read by `Arguments` when a pattern asks who a word stands for: pronouns ('he', 'its',
'they') to the nearest fitting actor, definites ('the cartel') to the one named before."""

from __future__ import annotations

from spacy.tokens import Token

from claimgraph.extract.spans import Mentions
from claimgraph.lexicon import Lexicon
from claimgraph.model import Mention

PRONOUNS = {
    "he": "person", "him": "person", "his": "person", "she": "person", "her": "person",
    "it": "org", "its": "org", "they": "plural", "them": "plural", "their": "plural",
}


def resolve_reference(token: Token, found: Mentions, lex: Lexicon, max_sentences: int = 2) -> Mention | None:
    """The actor a pronoun or a definite description ("the cartel") points back to, if one fits."""
    low = token.lower_
    kind = PRONOUNS.get(low)
    definite = None
    if kind is None:
        if low in lex.definites and any(c.lower_ in ("the", "this", "that") for c in token.lefts):
            if name_after(token, found, lex) is not None:
                return None  # "the group Chagossian Voices", "the company Rosneft": the name follows
            definite = lex.definites[low]
            max_sentences = 5
        else:
            return None
    sent_starts = _sentence_window(token, max_sentences)
    doc = token.doc
    candidates = []
    clause_subjects = set()
    if token.dep_ in ("dobj", "pobj", "dative", "iobj"):  # "X trained them": them is not X
        verb = token.head if token.dep_ != "pobj" else token.head.head
        clause_subjects = {c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")}
    for mention in reversed(found.starting_in(sent_starts, token.i)):
        if mention.tok_end > token.i or mention.label == "pronoun":
            continue
        if any(mention.tok_start <= i < mention.tok_end for i in clause_subjects):
            continue
        if mention.tok_start > 0 and doc[mention.tok_start - 1].text == "-":
            continue  # inside an affix ("pro-Iranian"): not an antecedent
        fits = mention.type in definite if definite is not None else _pronoun_fits(kind or "", mention)
        if fits:
            candidates.append(mention)
    if not candidates:
        return None
    nearest = candidates[0]
    sentence_start = sentence_start_of(doc[nearest.tok_start])
    for mention in candidates:  # in the nearest candidate's sentence, its main subject wins over a nearer object
        if mention.tok_start < sentence_start:
            break
        last = doc[mention.tok_end - 1]
        if last.dep_ in ("nsubj", "nsubjpass") and _main_clause(last.head):
            return mention
    return nearest


def name_after(token: Token, found: Mentions, lex: Lexicon) -> Mention | None:
    """The name right after a class noun, of the noun's type ('the militia Kataib Hezbollah', 'the company
    Rosneft'): the noun names that actor, it points back to no other."""
    types = lex.definites.get(token.lower_)
    named = found.at(token.doc[token.i + 1]) if types is not None and token.i + 1 < len(token.doc) else None
    return named if named is not None and named.tok_start == token.i + 1 and named.type in (types or ()) else None


def _main_clause(verb: Token) -> bool:
    """The sentence's own verb or one coordinated with it; not a relative or subordinate clause."""
    while verb.dep_ == "conj":
        verb = verb.head
    return verb.dep_ == "ROOT" or (verb.dep_ == "ccomp" and verb.head.dep_ == "ROOT")


def resolve_pair(token: Token, found: Mentions, lex: Lexicon, max_sentences: int = 3) -> list[Mention]:
    """'both countries', 'the two governments': the two nearest earlier distinct actors of the noun's types."""
    types = lex.definites.get(token.lemma_.lower())
    if types is None or token.tag_ not in ("NNS", "NNPS"):
        return []
    words = {c.lower_ for c in token.children if c.dep_ in ("det", "predet", "preconj", "nummod", "amod")}
    if not ("both" in words or "two" in words):
        return []
    start = _sentence_window(token, max_sentences)
    out: list[Mention] = []
    for mention in reversed(found.starting_in(start, token.i)):
        if mention.tok_end > token.i or mention.label == "pronoun":
            continue
        if mention.type in types and all(m.key != mention.key for m in out):
            out.append(mention)
        if len(out) == 2:
            return out
    return []


def sentence_start_of(token: Token) -> int:
    """The index of the first token of TOKEN's sentence, read from the boundaries: `token.sent` walks every
    sentence of the document, which made long documents quadratic."""
    doc = token.doc
    i = token.i
    while i > 0 and not doc[i].is_sent_start:
        i -= 1
    return i


def _sentence_window(token: Token, count: int) -> int:
    doc = token.doc
    start = sentence_start_of(token)
    for _ in range(count):
        if start == 0:
            break
        start = sentence_start_of(doc[start - 1])
    return start


def _pronoun_fits(kind: str, mention: Mention) -> bool:
    if kind == "person":
        return mention.type == "Person"
    if kind == "org":
        return mention.type not in ("Person", "Place", "Group")
    return mention.type in ("Group", "ArmedGroup", "CriminalGroup", "Agency", "Company") and mention.label in (
        "collective", "demonym", "ORG", "gazetteer")
