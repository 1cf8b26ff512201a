"""States named by their people: demonyms and their phrases ('Venezuelan officials', 'the Russians', 'Iranian
Revolutionary Guards'), and 'City, State' pairs read as one place."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from claimgraph.extract.spans import ABBREVIATION, Mentions, entity_key, make_mention
from claimgraph.lexicon import Actor, Lexicon, alias_key
from claimgraph.model import Mention


def place_pairs(doc: Doc, found: Mentions) -> None:
    ordered = sorted((m for m in found.items if m.type == "Place"), key=lambda m: m.tok_start)
    for place in ordered:
        comma = place.tok_end
        if comma + 1 >= len(doc) or doc[comma].text != ",":
            continue
        nxt = doc[comma + 1]
        other = found.at(nxt)
        if other is not None and other.type == "Place" and other.tok_start == comma + 1:
            end = other.tok_end
        elif other is None and ABBREVIATION.match(nxt.text):
            end = comma + 2
        else:
            continue
        # The town keeps its own words (the name it is seen under) and takes the pair as its name;
        # the state stays a place of its own.
        span = doc[place.tok_start : end]
        place.name = span.text
        place.key = entity_key("Place", span.text)


def peoples(doc: Doc, found: Mentions, lex: Lexicon) -> None:
    for token in doc:  # "Sirhan, a Jordanian residing in ...": one person of that nation, not the state
        mention = found.at(token)
        if mention is not None and mention.type == "State" and mention.label in ("gazetteer", "demonym") \
                and token.pos_ in ("NOUN", "PROPN") and token.tag_ in ("NN", "NNP") \
                and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children):
            found.remove(mention)
    singles = [ent[0] for ent in doc.ents if ent.label_ == "NORP" and len(ent) == 1]
    singles += [t for t in doc if t.tag_ == "NNPS" and (m := found.at(t)) is not None
                and m.type == "State" and m.tok_end - m.tok_start == 1]  # "Bosnian Serbs" as one entity
    for token in sorted({t.i: t for t in singles}.values(), key=lambda t: t.i):
        if found.at(token) is None and token.dep_ in ("amod", "nmod", "compound") and token.head.i > token.i:
            _people_of(token, found, lex)  # "Tamil civilian refugees": a people with a group head
            continue
        if token.pos_ not in ("NOUN", "PROPN") or not token.lower_.endswith("s") or token.dep_ == "compound":
            continue
        state = state_named(token.text[:-1], lex) or state_named(token.text, lex)
        mods = [c for c in token.lefts if c.dep_ in ("amod", "compound", "nmod") and (
            c.lower_ == "ethnic" or (m := found.at(c)) is not None and m.type == "State")]
        known = found.at(token)
        if known is not None and (known.type != "State" or not mods):
            continue  # a name the gazetteer knows ("Palestinians"), kept as it is
        if state is not None and not mods:
            one = doc[token.i : token.i + 1]
            found.add(make_mention(one, "State", state.name, state.key, state.country, "demonym"))
            continue
        start = min((c.i for c in mods), default=token.i)
        owner = next((m for c in mods if (m := found.at(c)) is not None), None)
        for i in range(start, token.i + 1):
            other = found.at(doc[i])
            if other is not None:
                found.remove(other)
        span = doc[start : token.i + 1]
        country = owner.country if owner is not None else None
        found.add(make_mention(span, "Group", clean_name(span.text), f"group:{country or ''}:{alias_key(span.text)}",
                           country, "collective"))


def _people_of(token: Token, found: Mentions, lex: Lexicon) -> None:
    doc = token.doc
    head = token.head
    phrase = doc[token.i + 1 : head.i + 1]
    if any(found.at(t) is not None or t.is_punct for t in phrase):
        return
    kind, _ = _head_kind(phrase, lex)
    if kind != "group":
        return
    span = doc[token.i : head.i + 1]
    found.add(make_mention(span, "Group", clean_name(span.text), f"group::{alias_key(span.text)}", None, "collective"))


def state_named(text: str, lex: Lexicon) -> Actor | None:
    key = lex.aliases.get(alias_key(text))
    actor = lex.actors.get(key) if key else None
    return actor if actor is not None and actor.type == "State" else None


def led_governments(doc: Doc, found: Mentions, lex: Lexicon) -> None:
    """'the Maduro regime', 'the Putin government': a known leader's name before a government noun names the state he
    leads (the gazetteer gives the person's country). A name the gazetteer does not place is left as it is."""
    for mention in list(found.items):
        if mention.type != "Person" or not mention.country:
            continue
        last = doc[mention.tok_end - 1]
        head = last.head
        if last.dep_ not in ("compound", "poss") or head.i != mention.tok_end + (last.dep_ == "poss") \
                or head.lemma_.lower() not in lex.led_by or found.at(head) is not None:
            continue
        state = lex.state(mention.country)
        if state is None:
            continue
        found.remove(mention)
        span = doc[mention.tok_start : head.i + 1]
        found.add(make_mention(span, "State", state.name, state.key, state.country, "demonym"))


def seated_governments(doc: Doc, found: Mentions, lex: Lexicon) -> None:
    """'the regime in Syria', 'the government in Damascus', 'the military junta in Mali': a government noun placed
    in a state (or its capital) is that state's government. The noun becomes the state; the place stays itself."""
    for token in doc:
        if token.lemma_.lower() not in lex.led_by or token.pos_ != "NOUN" or found.at(token) is not None \
                or not any(c.lower_ == "the" for c in token.children):
            continue
        preps = [c for c in token.children if c.dep_ == "prep"] + [  # or hung on the verb right after the noun
            c for c in token.head.children if c.dep_ == "prep" and c.i == token.i + 1 and token.dep_ == "dobj"]
        seats = [found.at(p) for c in preps if c.lower_ == "in" for p in c.children if p.dep_ == "pobj"]
        state = next((m for m in seats if m is not None and m.type == "State"), None)
        if state is not None:
            found.add(make_mention(doc[token.i : token.i + 1], "State", state.name, state.key, state.country,
                                   "demonym"))


def demonym_phrases(doc: Doc, found: Mentions, lex: Lexicon) -> None:
    for mention in list(found.items):
        if mention.type != "State" or mention.tok_end - mention.tok_start > 3:
            continue
        token = doc[mention.tok_end - 1]  # "Venezuelan", "Sri Lankan"
        head = token.head
        if any(not (mention.tok_start <= doc[i].head.i < mention.tok_end) for i in range(mention.tok_start, token.i)):
            continue
        if token.dep_ not in ("amod", "compound", "poss", "nmod", "npadvmod") or head.i <= token.i:
            continue
        if head.pos_ not in ("NOUN", "PROPN"):
            continue
        if head.dep_ == "compound" and found.at(head.head) is not None:
            continue  # "the US magazine Newsweek": a descriptor of a name, read with that name
        if any(c.i < mention.tok_start and c.dep_ in ("amod", "compound") and c.text[:1].isupper()
               and not c.is_sent_start for c in head.children):
            continue  # "Left-wing Latin American forces": a named collective, read whole elsewhere
        first = token.i + 1
        if first < len(doc) and doc[first].tag_ == "POS":
            first += 1
        phrase_tokens = doc[first : head.i + 1]
        if any(found.at(t) is not None or t.is_punct for t in phrase_tokens):
            continue
        if mention.tok_start > 0 and doc[mention.tok_start - 1].text == "-":
            continue  # "pro-Russian Islamists": an affix, not a nationality
        kind, phrase = _head_kind(phrase_tokens, lex)
        if kind is None:
            continue
        if kind == "state":  # "Israeli intelligence officials" speak for Israeli intelligence
            inner = next((t for t in phrase_tokens[:-1] if lex.heads.get(t.lower_) == "agency"), None)
            if inner is not None:
                kind, phrase, head = "agency", inner.lemma_.lower(), inner
        span = doc[mention.tok_start : head.i + 1]
        _replace(found, mention, span, kind, phrase, lex)


def _head_kind(tokens: Span, lex: Lexicon) -> tuple[str | None, str]:
    """The longest tail of the phrase that is an actor head: ("agency", "security service")."""
    for i in range(len(tokens)):
        words = tokens[i:]
        text = " ".join(t.lower_ for t in words)
        lemmas = " ".join(t.lemma_.lower() for t in words)
        for candidate in (text, lemmas):
            kind = lex.heads.get(candidate) or ("group" if lex.collective_phrase(candidate.split()) is not None
                                                else None)
            if kind:
                return kind, lemmas
    return None, ""


def _replace(found: Mentions, mention: Mention, span: Span, kind: str, phrase: str, lex: Lexicon) -> None:
    found.remove(mention)
    country = mention.country or ""
    if kind == "state":
        new = make_mention(span, "State", mention.name, mention.key, mention.country, "demonym")
    else:
        mtype = {"agency": "Agency", "media": "Media"}.get(kind, "Group")
        name = clean_name(span.text)
        new = make_mention(span, mtype, name, f"{kind}:{country}:{phrase}", mention.country, "demonym")
    found.add(new)


def clean_name(text: str) -> str:
    text = re.sub(r"^(the|a|an)\s+", "", text.strip(), flags=re.I)
    return re.sub(r"\s+", " ", text)
