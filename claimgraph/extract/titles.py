"""Headlines in sentence case: the model reads title case badly ('Iran Working to Expand Influence' as a name).

A document's first line is read as a headline when it is short and more text follows. When most of its longer
words are capitalised, the parser gets the same text with those words in lower case, except names: words the
body writes capitalised inside a sentence, known names, acronyms, and words with capitals or dots inside them.
A headline without final punctuation gets a full stop in place of its line break. The length never changes,
so every offset read on the parsed text is an offset into the stored text; `restore` puts the stored spelling
back on the mentions and claims read in the headline.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from claimgraph.model import Claim, Mention

MAX_HEADLINE = 250
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
# a capitalised word inside a sentence of the body: after a lower-case word, a comma or a connector
_NAME_IN_BODY = re.compile(r"(?:[a-z0-9,;)\]’'”%]\s+|\b(?:of|the|and|in|to|for|by|with|from|on|at)\s+)"
                           r"([A-Z][\w'’.-]*(?:\s+(?:of\s+|the\s+|de\s+)?[A-Z][\w'’.-]*)*)")


def headline(text: str) -> tuple[int, int] | None:
    """The span of the first line when it is a title: short, and followed by more text."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    if end < 0 or end - start > MAX_HEADLINE or not text[end:].strip():
        return None  # a one-line document is a sentence, however many names it holds
    return start, end


def title_case(line: str) -> bool:
    """Most longer words after the first are capitalised."""
    words = [m.group() for m in _WORD.finditer(line)][1:]
    long_words = [w for w in words if len(w) >= 4]
    return len(long_words) >= 2 and sum(1 for w in long_words if w[0].isupper()) / len(long_words) >= 0.6


def sentence_case(text: str, known: Callable[[str], bool] = lambda name: False) -> tuple[str, tuple[int, int] | None]:
    """The text to parse and the headline's span. The parsed text has the same length: a title-case headline is
    put in sentence case, and a headline without final punctuation gets a full stop in place of its line break
    (else the parser runs it into the first sentence, or splits that sentence after its first word)."""
    span = headline(text)
    if span is None:
        return text, None
    start, end = span
    line = text[start:end]
    if title_case(line):
        line = _recased(line, text[end:], known)
    if line.rstrip()[-1:] not in ".!?\"”'’:;":
        return text[:start] + line + "." + text[end + 1 :], span
    return text[:start] + line + text[end:], span


def _recased(line: str, body: str, known: Callable[[str], bool]) -> str:
    """Lower-case the headline's words but the first and the names: those the body writes capitalised inside a
    sentence (of a line that is not in title case itself), and known names of one to three words (the gazetteer's)."""
    prose = "\n".join(text for text in body.splitlines() if not title_case(text))  # not the title again, no subhead
    names = {w.rstrip(".’'") for m in _NAME_IN_BODY.finditer(prose) for w in m.group(1).split()}
    matches = list(_WORD.finditer(line))
    words = [m.group() for m in matches]
    named: set[int] = set()
    for i in range(len(words)):
        for n in (3, 2, 1):
            if i + n <= len(words) and all(w[:1].isupper() for w in words[i : i + n]) \
                    and known(" ".join(words[i : i + n])):
                named.update(range(i, i + n))
                break
    pieces = []
    last = 0
    for i, match in enumerate(matches):
        word = match.group()
        pieces.append(line[last : match.start()])
        pieces.append(word if i == 0 or i in named or _keeps_case(word, names) else word.lower())
        last = match.end()
    pieces.append(line[last:])
    recased = "".join(pieces)
    return recased if len(recased) == len(line) else line  # a letter whose lower case is longer: as it is


def _keeps_case(word: str, names: set[str]) -> bool:
    bare = word.rstrip(".’'")
    if not bare[:1].isupper():
        return True
    if "-" in bare.strip("-"):  # "Narco-Terrorism": each part on its own
        return all(_keeps_case(part, names) for part in bare.split("-") if part)
    if bare.isupper() or "." in bare or any(c.isupper() for c in bare[1:]):
        return True  # "U.S.", "IS", "McConnell"
    return bare in names or bare.removesuffix("’s").removesuffix("'s") in names


def restore(text: str, span: tuple[int, int] | None, mentions: list[Mention],
            claims: list[Claim]) -> tuple[list[Mention], list[Claim]]:
    """Put the stored spelling back on what was read in the headline (new records, none changed in place)."""
    if span is None:
        return mentions, claims
    start, end = span
    fixed: dict[int, Mention] = {}

    def spelled(m: Mention) -> Mention:
        if not (start <= m.start and m.end <= end) or text[m.start : m.end] == m.text:
            return m
        if id(m) not in fixed:
            stored = text[m.start : m.end]
            if stored.lower() != m.text.lower():
                return m
            name = stored if m.name.lower() == stored.lower() else m.name
            fixed[id(m)] = replace(m, text=stored, name=name)
        return fixed[id(m)]

    mentions = [spelled(m) for m in mentions]
    out = []
    for claim in claims:
        if claim.char_start >= end:
            out.append(claim)
            continue
        obj = spelled(claim.object) if claim.object is not None else None
        source = spelled(claim.attributed_to) if claim.attributed_to is not None else None
        trigger = claim.trigger
        at = text.lower().find(trigger.lower(), start, end)
        if at >= 0:
            trigger = text[at : at + len(trigger)]
        out.append(replace(claim, subject=spelled(claim.subject), object=obj, attributed_to=source, trigger=trigger))
    return mentions, out
