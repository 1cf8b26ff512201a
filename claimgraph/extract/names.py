"""Names within one document: a surname or first name alone joins the full name used before it; an acronym
joins the long form it abbreviates. Run after every mention is found."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from claimgraph.extract.spans import NER_LABELS, Mentions, entity_key, make_mention
from claimgraph.model import Mention

MAX_NAME_TOKENS = 4


def titled_names(found: Mentions, doc: Doc, titles: frozenset[str]) -> None:
    """'Administrator Uttam Dhillon of the DEA': capitalised proper nouns right after a capitalised title, two to
    four of them, are a person's name even where the model found none (names it knows least: not Western)."""
    n = len(doc)
    for token in doc:
        if not token.text[:1].isupper() or token.lower_.rstrip(".") not in titles:
            continue
        end = token.i + 1
        while end < n and end - token.i <= MAX_NAME_TOKENS and _name_word(doc[end], titles) \
                and found.at(doc[end]) is None:
            end += 1
        size = end - token.i - 1
        whole = not (end < n and _name_word(doc[end], titles))
        if 2 <= size <= MAX_NAME_TOKENS and whole and found.free(token.i + 1, end):
            span = doc[token.i + 1 : end]
            found.add(make_mention(span, "Person", span.text, entity_key("Person", span.text), None, "titled"))


def _name_word(token: Token, titles: frozenset[str]) -> bool:
    return token.pos_ == "PROPN" and token.text.istitle() and token.is_alpha and token.lower_ not in titles \
        and token.ent_type_ in ("", "PERSON", "ORG")


def names_within_document(found: Mentions, doc: Doc) -> None:
    """A surname or first name alone joins the full name seen in the document, when only one fits;
    a surname the NER missed ("Lehder later worked ...") becomes a mention of that person."""
    people = [m for m in found.items if m.type == "Person"]
    full = [m for m in people if len(m.name.split()) >= 2]
    index = _NameIndex(full)  # one word -> the full names it can be part of, without comparing every pair
    for mention in found.items:  # "Tareck" tagged as a place, "GOMEZ" as an organisation: a name part is a person
        if mention.type != "Person" and mention.label in NER_LABELS and len(mention.text.split()) == 1:
            word = mention.text.lower()
            if index.fits(word):
                mention.type = "Person"
                people.append(mention)
    surnames: dict[str, list[Mention]] = {}
    for m in full:
        surnames.setdefault(m.text.split()[-1].lower(), []).append(m)
    for token in doc:
        targets = surnames.get(token.lower_)
        if not targets or token.pos_ != "PROPN" or found.at(token) is not None or len({t.key for t in targets}) > 1:
            continue
        first = targets[0]
        if first.tok_start > token.i:
            continue
        found.add(make_mention(doc[token.i : token.i + 1], "Person", first.name, first.key, first.country, "surname"))
    for mention in people:
        words = mention.text.split()
        if len(words) != 1:
            continue
        word = words[0].lower()
        fits = {m.key: m for m in index.fits(word)}
        if len({_first_last(m.name) for m in fits.values()}) == 1:  # "Craig Faller" and "Craig S. Faller" agree
            target = max(fits.values(), key=lambda m: (len(m.name), m.key))
            mention.key, mention.name, mention.country = target.key, target.name, target.country


class _NameIndex:
    """The full names of a document by the words `_name_part` accepts: first, last, any later part, the hyphenated
    last two; and, for words of five letters or more, first names one edit away."""

    def __init__(self, full: list[Mention]):
        self.exact: dict[str, list[Mention]] = {}
        self.firsts: dict[str, list[Mention]] = {}
        for mention in full:
            for name in {mention.name, mention.text}:
                parts = [p.lower() for p in re.split(r"[\s-]+", name)]
                for word in {parts[0], parts[-1], "-".join(parts[-2:]), *parts[1:]}:
                    self.exact.setdefault(word, []).append(mention)
                self.firsts.setdefault(parts[0], []).append(mention)

    def fits(self, word: str) -> list[Mention]:
        found = list(self.exact.get(word, []))
        if len(word) >= 5:
            found += [m for first, ms in self.firsts.items() if _edit1(word, first) for m in ms]
        return list({id(m): m for m in found}.values())


def _first_last(name: str) -> tuple[str, str]:
    words = [w for w in re.split(r"[\s]+", name.lower()) if len(w.strip(".")) > 1]
    return (words[0], words[-1]) if words else ("", "")


def _name_part(word: str, name: str) -> bool:
    parts = [p.lower() for p in re.split(r"[\s-]+", name)]
    if word in (parts[0], parts[-1]) or word == "-".join(parts[-2:]) or word in parts[1:]:
        return True
    return len(word) >= 5 and _edit1(word, parts[0])


def _edit1(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1 or a == b:
        return a == b
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :] or (len(a) == len(b) and a[i + 1 :] == b[i + 1 :])


def acronyms(doc: Doc, found: Mentions) -> None:
    """"Office of Foreign Assets Control (OFAC)" / ", or OFAC": the acronym joins the long form."""
    ordered = sorted(found.items, key=lambda m: m.tok_start)
    for prev, cur in zip(ordered, ordered[1:], strict=False):
        between = doc[prev.tok_end : cur.tok_start].text.strip().lower()
        if between in ("(", ", or", "or", ",") and cur.text.isupper() and _initials(prev.name, cur.text):
            cur.key, cur.name, cur.type, cur.country = prev.key, prev.name, prev.type, prev.country
    by_initials: dict[str, list[Mention]] = {}
    for long in (m for m in ordered if len(m.name.split()) >= 2):
        by_initials.setdefault(_initials_of(long.name), []).append(long)
    for mention in ordered:
        if mention.text.isupper() and mention.label != "gazetteer" and len(mention.text) >= 2:
            fits = {m.key: m for m in by_initials.get(mention.text.replace(".", "").upper(), [])}
            if len(fits) == 1:
                target = next(iter(fits.values()))
                mention.key, mention.name, mention.type = target.key, target.name, target.type


def _initials_of(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in ("of", "the", "and", "for", "de")]
    return "".join(w[0] for w in words).upper() if len(words) >= 2 else ""


def _initials(name: str, acronym: str) -> bool:
    initials = _initials_of(name)
    return bool(initials) and initials == acronym.replace(".", "").upper()
