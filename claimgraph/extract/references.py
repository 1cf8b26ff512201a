"""Reference resolution, read by `Arguments` when a pattern asks who a word stands for: pronouns ('he', 'its',
'they') to the nearest fitting actor, definites ('the cartel') to the one named before."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimgraph.extract.spans import Mentions, capital_state
from claimgraph.lexicon import Lexicon
from claimgraph.model import Mention

PRONOUNS = {
    "he": "person", "him": "person", "his": "person", "she": "person", "her": "person",
    "it": "org", "its": "org", "they": "plural", "them": "plural", "their": "plural",
}


def resolve_reference(token: Token, found: Mentions, lex: Lexicon, max_sentences: int = 2, *,
                      outside: frozenset[str] = frozenset()) -> Mention | None:
    """The actor a pronoun or a definite description ("the cartel") points back to, if one fits; never one of
    the OUTSIDE keys (a quote's speaker for the third-person pronouns inside the quote)."""
    low = token.lower_
    kind = PRONOUNS.get(low)
    definite = None
    if kind is None:
        if low in lex.definites and any(c.lower_ in ("the", "this", "that") for c in token.lefts):
            if name_after(token, found, lex) is not None or any(
                    c.dep_ == "compound" and found.at(c) is not None for c in token.lefts):
                return None  # "the group Chagossian Voices", "the Montaigne Institute research group": named
            definite = lex.definites[low]
            max_sentences = 5
        else:
            return None
    sent_starts = _sentence_window(token, max_sentences)
    doc = token.doc
    candidates = []
    clause_subjects: set[int] = set()
    if token.dep_ in ("dobj", "pobj", "dative", "iobj"):  # "X trained them": them is not X
        verb = token.head if token.dep_ != "pobj" else token.head.head
        clause_subjects = _clause_subject(verb)
    not_keys = set(outside) if kind == "person" else set()
    not_keys |= {m.key for i in clause_subjects
                if (m := found.at(doc[i]) or (resolve_reference(doc[i], found, lex, max_sentences)
                                              if doc[i].lower_ in PRONOUNS else None)) is not None}
    for mention in reversed(found.starting_in(sent_starts, token.i)):
        if mention.tok_end > token.i or mention.label == "pronoun":
            continue
        if any(mention.tok_start <= i < mention.tok_end for i in clause_subjects) or mention.key in not_keys:
            continue
        if mention.tok_start > 0 and doc[mention.tok_start - 1].text == "-":
            continue  # inside an affix ("pro-Iranian"): not an antecedent
        if kind == "org" and definite is None:
            mention = _acting_capital(mention, doc, lex)  # "Ankara is warning X ... if it has to": Turkey
        head = doc[mention.tok_end - 1]
        fits = mention.type in definite if definite is not None else _pronoun_fits(kind or "", mention, head)
        if fits:
            candidates.append(mention)
    if not candidates:
        return None
    # a name that modifies another noun ('a Ukraine ceasefire deal', 'the U.S. proposal') is less likely the one
    # referred to than a name that is itself an argument
    candidates = [m for m in candidates if not _modifier(doc, m)] or candidates
    nearest = candidates[0]
    sentence_start = sentence_start_of(doc[nearest.tok_start])
    for mention in candidates:  # in the nearest candidate's sentence, its main subject wins over a nearer object
        if mention.tok_start < sentence_start:
            break
        last = doc[mention.tok_end - 1]
        if last.dep_ in ("nsubj", "nsubjpass") and _main_clause(last.head):
            return mention
    return nearest


def _acting_capital(mention: Mention, doc: Doc, lex: Lexicon) -> Mention:
    """A capital that is a clause's subject stands for its government (as `found.capital_as_state` reads it)."""
    if mention.type != "Place" or doc[mention.tok_end - 1].dep_ not in ("nsubj", "nsubjpass"):
        return mention
    return capital_state(mention, lex)


def _modifier(doc: Doc, mention: Mention) -> bool:
    last = doc[mention.tok_end - 1]
    return last.dep_ in ("compound", "amod", "nmod") and last.head.i >= mention.tok_end and last.head.pos_ == "NOUN"


def _clause_subject(verb: Token) -> set[int]:
    """The tokens of a verb's subject, or of the subject it borrows ('X blamed Y, accusing it of ...': the
    accuser is X): an object pronoun never stands for its own clause's subject (that takes 'itself')."""
    for _ in range(4):
        own = {c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")}
        if own or verb.dep_ not in ("advcl", "xcomp", "conj") or verb.head.i == verb.i:
            return own
        verb = verb.head
    return set()


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


def _pronoun_fits(kind: str, mention: Mention, head: Token) -> bool:
    if kind == "person":
        return mention.type == "Person"
    if kind == "org":  # "Hungarian officials" stand for a state, but they are not "it"
        return mention.type not in ("Person", "Place", "Group") and not (
            mention.label in ("demonym", "collective") and head.tag_ == "NNS")
    if mention.label in ("demonym", "collective") and head.tag_ == "NNS":
        return mention.type != "Person"  # "Hungarian officials ... they": a plural stands for its state
    return mention.type in ("Group", "ArmedGroup", "CriminalGroup", "Agency", "Company") and mention.label in (
        "collective", "demonym", "ORG", "gazetteer")
