"""News-wire datelines: "DAYTON, Ohio (AP) --", "Sofia, February 15 (BTA) --".
The agency that files from a place operates there: a claim of presence, read from the line's shape.
A dateline names a place, not a government: "Taipei" there is the city, not Taiwan."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from claimgraph.extract.arguments import Arguments
from claimgraph.extract.found import Found
from claimgraph.lexicon import alias_key
from claimgraph.model import Mention

MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january",
          "february", "march", "april", "june", "july", "august", "september", "october", "november", "december"}


def datelines(sent: Span, args: Arguments) -> Iterator[Found]:
    tokens = [t for t in sent if not t.is_space]
    code = next((j for j, t in enumerate(tokens) if _is_code(t)), None)  # a headline may come first
    start = code + 1 if code is not None else 0
    while start < len(tokens) and tokens[start].text in ("(", ")", "Text"):
        start += 1
    found = _dateline(tokens, start, args) or _bare_dateline(tokens, start, args)
    if found is None:
        return
    agency, places, trigger = found
    for place in places:
        yield Found(agency, "OPERATES_IN", place, trigger, 0.6, "dateline")


def _dateline(tokens: list[Token], start: int, args: Arguments) -> tuple[Mention, list[Mention], Token] | None:
    """PLACE[, PLACE][,] [DATE] (AGENCY) [--]"""
    places: list[Mention] = []
    known = False
    i = start
    while i < len(tokens) and tokens[i].text != "(":
        token = tokens[i]
        if token.text == "," or _date_word(token):
            i += 1
            continue
        end = _name_end(tokens, i)
        if end == i:
            return None
        place = _place(tokens[i : end], args, known_only=True)
        known = known or place is not None or tokens[i].is_upper
        place = place or _place(tokens[i : end], args)
        if place is None:
            return None
        places.append(place)
        i = end
    if not known:
        return None  # "Saint-Gall, Switzerland (AFP)": an unknown town stands beside a known place
    if not places or i + 1 >= len(tokens):
        return None
    close = next((j for j in range(i + 1, min(i + 6, len(tokens))) if tokens[j].text == ")"), None)
    if close is None or close == i + 1:
        return None
    after = tokens[close + 1].text if close + 1 < len(tokens) else ""
    if after not in ("", "--", "-", "—", "_", ":"):
        return None
    agency = _organisation(tokens[i + 1 : close], args)
    return (agency, places, tokens[i]) if agency is not None else None


def _bare_dateline(tokens: list[Token], start: int, args: Arguments) -> tuple[Mention, list[Mention], Token] | None:
    """'Moscow April 25 TASS --' and a heading line 'Tokyo MAINICHI SHIMBUN': the agency in capitals."""
    dash = next((j for j in range(start, min(start + 12, len(tokens))) if tokens[j].text in ("--", "—")), None)
    end = dash if dash is not None else len(tokens)
    while dash is None and end > start and tokens[end - 1].is_punct:
        end -= 1
    if dash is None and end - start > 8:
        return None  # a whole line of only a place and an outlet, or a dateline before a dash
    first = end
    while first > start and (tokens[first - 1].is_upper and tokens[first - 1].is_alpha and len(tokens[first - 1]) > 1
                             or _joined_hyphen(tokens, first - 1)):
        first -= 1
    if first in (end, start):
        return None
    places: list[Mention] = []
    i = start
    while i < first:
        if tokens[i].text == "," or _date_word(tokens[i]):
            i += 1
            continue
        stop = min(_name_end(tokens, i), first)
        place = _place(tokens[i:stop], args, known_only=True) if stop > i else None
        if place is None:
            return None
        places.append(place)
        i = stop
    agency = _organisation(tokens[first:end], args)
    return (agency, places, tokens[first]) if agency is not None and places else None


def _name_end(tokens: list[Token], i: int) -> int:
    end = i
    while end < len(tokens) and (tokens[end].text[:1].isupper() or _joined_hyphen(tokens, end)) \
            and tokens[end].text != "(" and not _date_word(tokens[end]):
        end += 1
    if end < len(tokens) and end > i and tokens[end].text == "." and len(tokens[end - 1].text) <= 4:
        end += 1  # "Miss." split from its period
    return end


def _joined_hyphen(tokens: list[Token], i: int) -> bool:
    """'Saint-Gall': a hyphen inside a name, with no space on either side."""
    return tokens[i].text == "-" and i > 0 and not tokens[i - 1].whitespace_ and not tokens[i].whitespace_


def _place(words: list[Token], args: Arguments, known_only: bool = False) -> Mention | None:
    if not words:
        return None
    text = words[0].doc[words[0].i : words[-1].i + 1].text
    key = args.lex.aliases.get(alias_key(text))
    actor = args.lex.actors.get(key) if key else None
    if actor is not None and actor.type not in ("Place", "State"):
        return None
    if actor is None:
        mention = args.found.at(words[0])
        known = mention is not None and mention.type in ("Place", "State") and mention.tok_end - 1 == words[-1].i
        if known_only and not known:
            return None
    name = text.title() if text.isupper() and len(text) > 3 else text
    country = actor.country if actor is not None else None
    if actor is not None and actor.type == "State" and alias_key(actor.name) == alias_key(text):
        return _synthetic(words, actor.name, "State", actor.key, country)
    return _synthetic(words, name, "Place", f"place:{alias_key(name)}", country)


def _organisation(words: list[Token], args: Arguments) -> Mention | None:
    if not words or not all(w.text[:1].isupper() or not w.is_alpha for w in words):
        return None
    text = words[0].doc[words[0].i : words[-1].i + 1].text
    mention = args.found.at(words[0])
    if mention is not None and mention.tok_start == words[0].i and mention.tok_end == words[-1].i + 1:
        return mention if mention.type not in ("Person", "Place", "State") else None
    return _synthetic(words, text, "Media", f"org:{alias_key(text)}", None)


def _synthetic(words: list[Token], name: str, mtype: str, key: str, country: str | None) -> Mention:
    first, last = words[0], words[-1]
    return Mention(start=first.idx, end=last.idx + len(last.text), text=first.doc[first.i : last.i + 1].text,
                   type=mtype, name=name, key=key, country=country, label="dateline", tok_start=first.i,
                   tok_end=last.i + 1)


def _date_word(token: Token) -> bool:
    return token.like_num or token.lower_.rstrip(".") in MONTHS or token.ent_type_ == "DATE"


def _is_code(token: Token) -> bool:
    """Wire-service story codes such as PA2904034294 or NC1404123794."""
    text = token.text
    return len(text) >= 8 and text[:2].isalpha() and text[:2].isupper() and text[2:].isdigit()
