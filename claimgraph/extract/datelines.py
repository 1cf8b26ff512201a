"""News-wire datelines: "DAYTON, Ohio (AP) --", "Sofia, February 15 (BTA) --", "Paris AFP in English 0107 GMT".
The agency that files from a place operates there: a claim of presence, read from the line's shape."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from claimgraph.extract.arguments import Arguments
from claimgraph.extract.relations import Found
from claimgraph.model import Mention

LANGUAGES = {"english", "spanish", "french", "arabic", "russian", "chinese", "german", "portuguese", "turkish",
             "italian", "persian", "japanese", "korean", "hebrew", "dutch", "polish", "serbo-croatian"}


def datelines(sent: Span, args: Arguments) -> Iterator[Found]:
    tokens = [t for t in sent if not t.is_space]
    start = 0
    while start < len(tokens) and (_is_code(tokens[start]) or tokens[start].text in ("(", ")", "Text")):
        start += 1
    places: list[Mention] = []
    i = start
    while i < len(tokens):
        mention = args.found.at(tokens[i])
        if mention is not None and mention.type in ("Place", "State"):
            if not places or places[-1] is not mention:
                places.append(mention)
            i = _after(tokens, i, mention)
            continue
        if tokens[i].text == "," or tokens[i].ent_type_ == "DATE" or tokens[i].like_num:
            i += 1
            continue
        break
    if not places or i >= len(tokens):
        return
    agency = _agency(tokens, i, args)
    if agency is None:
        return
    for place in places:
        yield Found(agency, "OPERATES_IN", place, tokens[i], 0.6, "dateline")


def _agency(tokens: list[Token], i: int, args: Arguments) -> Mention | None:
    if tokens[i].text == "(" and i + 2 < len(tokens):  # "DAYTON, Ohio (AP)"
        mention = args.found.at(tokens[i + 1])
        if mention is not None and mention.type not in ("Place", "State", "Person"):
            end = _after(tokens, i + 1, mention)
            if end < len(tokens) and tokens[end].text == ")":
                return mention
        return None
    mention = args.found.at(tokens[i])  # "Paris AFP in English 0107 GMT"
    if mention is None or mention.type in ("Place", "State", "Person"):
        return None
    end = _after(tokens, i, mention)
    if end + 1 < len(tokens) and tokens[end].lower_ == "in" and tokens[end + 1].lower_ in LANGUAGES:
        return mention
    return None


def _after(tokens: list[Token], i: int, mention: Mention) -> int:
    while i < len(tokens) and mention.tok_start <= tokens[i].i < mention.tok_end:
        i += 1
    return i


def _is_code(token: Token) -> bool:
    """Wire-service story codes such as PA2904034294 or NC1404123794."""
    text = token.text
    return len(text) >= 8 and text[:2].isalpha() and text[:2].isupper() and text[2:].isdigit()
