"""Find the actors a spaCy doc names: the gazetteer and NER here; demonyms (demonyms.py), collectives
(collectives.py) and names within the document (names.py) after them. References are resolved in references.py."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from claimgraph.extract.collectives import collectives
from claimgraph.extract.demonyms import (
    demonym_phrases,
    led_governments,
    peoples,
    place_pairs,
    seated_governments,
    state_named,
)
from claimgraph.extract.names import acronyms, names_within_document, titled_names
from claimgraph.extract.references import resolve_pair, resolve_reference
from claimgraph.extract.spans import NER_LABELS, QUOTES, Mentions, entity_key, make_mention, org_type
from claimgraph.extract.titles import title_case
from claimgraph.extract.words import AFFIXES
from claimgraph.lexicon import Actor, Lexicon, alias_key

__all__ = ["Mentions", "entity_key", "find_mentions", "org_type", "resolve_pair", "resolve_reference"]

PARTICLES = {"al", "el", "de", "da", "bin", "ibn", "van", "von", "la", "le", "du", "del", "dos"}
BODIES = {"league", "society", "institute", "foundation", "association", "center", "centre", "museum", "university",
          "academy", "college", "club", "network", "trust", "fund", "movement", "federation", "union"}
ACRONYM = re.compile(r"^[A-Z]{2,6}$")
PERSON_SHAPE = re.compile(r"^[A-Z][a-z]+ (?:[A-Z]\. )+[A-Z][a-z]+(?:-[A-Z][a-z]+)?$")


def find_mentions(doc: Doc, lex: Lexicon) -> Mentions:
    found = Mentions()
    gazetteer = _gazetteer_spans(doc, lex)
    ents = [_named_body(_portfolio(_titled_org(e, lex), lex), lex) for e in doc.ents
            if e.label_ in NER_LABELS and not _modifier_only(e) and not _not_a_name(e)]
    ents += _unnamed_bodies(doc, ents, lex)
    for start, end, key in _prefer(gazetteer, ents, lex):
        _add_gazetteer(doc, found, start, end, key, lex)
    for ent in ents:
        span = _trim(ent, lex)
        if span is not None and ent.label_ == "PERSON" and not found.free(span.start, span.end):
            first = span.start  # "to [Venezuela] Sergei X": the name after the state the gazetteer kept
            while first < span.end and (held := found.at(doc[first])) is not None and held.type in ("State", "Place"):
                first += 1
            span = doc[first : span.end] if first < span.end and first > span.start else span
        if span is None or not found.free(span.start, span.end) or (ent.label_ == "PERSON" and _subhead(span)):
            continue
        known = lex.aliases.get(alias_key(span.text))  # a trimmed entity the gazetteer knows
        if known and _accept(span, lex.actors[known].type):
            _add_gazetteer(doc, found, span.start, span.end, known, lex)
        else:
            _add_ner(found, span, lex)
    place_pairs(doc, found)
    peoples(doc, found, lex)
    demonym_phrases(doc, found, lex)
    led_governments(doc, found, lex)
    seated_governments(doc, found, lex)
    collectives(doc, found, lex)
    titled_names(found, doc, lex.titles)
    names_within_document(found, doc)
    acronyms(doc, found)
    found.items.sort(key=lambda m: m.tok_start)
    return found


# --- gazetteer -------------------------------------------------------------------------------------


def _gazetteer_spans(doc: Doc, lex: Lexicon) -> list[tuple[int, int, str]]:
    firsts = lex.alias_starts
    spans = []
    n = len(doc)
    starts = [t.idx for t in doc]
    ends = [t.idx + len(t.text) for t in doc]
    skip_end = [t.is_space or (t.is_punct and t.text != ".") for t in doc]
    text = doc.text
    i = 0
    while i < n:
        token = doc[i]
        longest = firsts.get(token.lower_.translate(QUOTES))
        if longest is None or not _may_start(token):
            i += 1
            continue
        match = None
        for size in range(min(longest, n - i), 0, -1):
            last = i + size - 1
            if skip_end[last]:
                continue
            key = lex.aliases.get(alias_key(text[starts[i] : ends[last]]))
            if key and _accept(doc[i : i + size], lex.actors[key].type):
                match = (i, i + size, key)
                break
        if match:
            spans.append(match)
            i = match[1]
        else:
            i += 1
    return spans


def _portfolio(ent: Span, lex: Lexicon) -> Span:
    """'EU Migration Commissioner X' tagged ORG over 'EU Migration': the body is the EU, the rest a portfolio."""
    doc = ent.doc
    if ent.label_ != "ORG" or len(ent) < 2 or ent.end >= len(doc) or not _title_word(doc[ent.end], lex):
        return ent
    key = lex.aliases.get(alias_key(ent[0].text))
    if key is None or lex.actors[key].type not in ("State", "Bloc"):
        return ent
    return doc[ent.start : ent.start + 1]


def _titled_org(ent: Span, lex: Lexicon) -> Span:
    """'Acting Administrator Uttam Dhillon of the Drug Enforcement Administration' tagged as one organisation:
    a title, a name, 'of', a body. The body is the organisation; the name is read by names.titled_names."""
    if ent.label_ != "ORG" or not _title_word(ent[0], lex):
        return ent
    for token in ent[1:-1]:
        if token.lower_ == "of":
            start = token.i + 1
            while start < ent.end - 1 and ent.doc[start].lower_ == "the":
                start += 1
            body = ent.doc[start : ent.end]
            body.label_ = "ORG"
            return body
    return ent


def _named_body(ent: Span, lex: Lexicon) -> Span:
    """'the Los Toros gang', 'the Sinaloa cartel': a name (the model's entity, of whatever label) right before an
    organisation's head noun in lower case names that organisation; a state's name stays a state ('a Somali
    militia' is read by the collectives)."""
    doc = ent.doc
    if ent.end >= len(doc) or ent.label_ not in ("ORG", "PERSON", "GPE", "LOC", "FAC"):
        return ent
    if not _body_head(doc[ent.end], lex):
        return ent
    known = lex.aliases.get(alias_key(ent.text))
    if known is not None and lex.actors[known].type == "State":
        return ent
    return Span(doc, ent.start, ent.end + 1, label="ORG")


def _unnamed_bodies(doc: Doc, ents: list[Span], lex: Lexicon) -> list[Span]:
    """'the Barrio Azteca gang', 'the Azov battalion' where the model tagged no entity: a run of proper nouns in
    title case right before an organisation's head noun (a single word opening a sentence is not enough)."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = []
    for head in doc:
        if head.i in taken or not _body_head(head, lex):
            continue
        start = head.i
        while start > 0 and doc[start - 1].tag_ in ("NNP", "NNPS") and (start - 1) not in taken \
                and (doc[start - 1].is_title or doc[start - 1].is_upper) and not _title_word(doc[start - 1], lex):
            start -= 1
        if start == head.i or (head.i - start == 1 and doc[start].is_sent_start):
            continue
        if lex.aliases.get(alias_key(doc[start : head.i].text)) is not None:
            continue  # a known name before the noun: "Mexican cartel", "Iraq militia" are read elsewhere
        out.append(Span(doc, start, head.i + 1, label="ORG"))
        taken.update(range(start, head.i + 1))
    return out


def _body_head(token: Token, lex: Lexicon) -> bool:
    """An organisation's head noun, singular and in lower case: 'gang' in 'the Los Toros gang'."""
    return token.lower_ in lex.body_heads and token.tag_ == "NN" and token.is_lower


def _not_a_name(ent: Span) -> bool:
    """'Testifies - July 9,' tagged as a person: a name holds no digits."""
    return ent.label_ == "PERSON" and any(t.like_num for t in ent)


def _modifier_only(ent: Span) -> bool:
    """'Radical French farmers' tagged ORG over 'Radical French': adjectives before a noun are not a name."""
    last = ent[-1]
    return ent.label_ in ("ORG", "NORP") and last.pos_ == "ADJ" and last.dep_ == "amod" and last.head.i >= ent.end


def _may_start(token: Token) -> bool:
    return token.text[:1].isupper() or token.lower_ in PARTICLES


def _accept(span: Span, actor_type: str) -> bool:
    """Guards against common words that happen to be aliases."""
    if not any(t.text[:1].isupper() for t in span):
        return False
    if len(span) > 1:
        return True
    token = span[0]
    if token.is_upper and len(token.text) >= 2:
        return True
    if len(token.text) <= 3 and actor_type not in ("State", "Person", "Place"):
        return False  # an organisation's short name is an acronym: "Un" in "Kim Jong Un" is not the UN
    if actor_type == "State" and token.pos_ in ("ADJ", "PROPN", "NOUN") or token.ent_type_ == "NORP":
        return True
    return token.pos_ == "PROPN" or token.ent_type_ in NER_LABELS or _bare_subject(token)


def _bare_subject(token: Token) -> bool:
    """'Rosneft signed a deal', tagged as a common noun: a sentence's first word, a singular noun with no
    determiner as its subject, is a name (English wants 'The company signed')."""
    return bool(token.is_sent_start) and token.tag_ == "NN" and token.dep_ in ("nsubj", "nsubjpass") \
        and len(token.text) >= 4 and token.text[0].isupper() and token.text[1:].islower() \
        and not any(c.dep_ in ("det", "poss", "nummod") for c in token.children)


def _prefer(gazetteer: list[tuple[int, int, str]], ents: list[Span], lex: Lexicon) -> list[tuple[int, int, str]]:
    """Drop a gazetteer match that sits inside a longer named entity of another kind
    ("Bank of Venezuela"), unless gazetteer matches cover that entity whole ("Lula Dilma")."""
    keep = []
    for start, end, key in gazetteer:
        outer = next((e for e in ents if e.start <= start and end <= e.end and (e.start, e.end) != (start, end)), None)
        named_org = lex.actors[key].type not in ("Person", "Place", "State")
        if outer is not None and outer.label_ == "PERSON" and named_org and end < outer.end:
            outer = None  # "Retired Gazprom engineer": a known organisation is not part of a person's name
        if outer is not None and outer.label_ in ("GPE", "LOC") and lex.actors[key].type not in ("State", "Place"):
            outer = None  # "Council Bluffs" may hold an organisation's word; it is a place all the same
        if outer is not None and _place_before_name(outer, start, end, lex.actors[key].type):
            outer = None  # "Ambassador to Venezuela Sergei X" taken for one name: the state stays a state
        if outer is not None and outer.label_ in ("ORG", "FAC", "PERSON", "GPE", "LOC") and len(outer) > end - start:
            inside = [g for g in gazetteer if outer.start <= g[0] and g[1] <= outer.end]
            if outer.label_ == "ORG" and lex.actors[inside[0][2]].type == "State" and inside[0][0] == outer.start \
                    and len(inside) > 1 and all(lex.actors[g[2]].type not in ("Person", "State") for g in inside[1:]):
                continue  # "Austrian People's Party": one party, not Austria beside a People's Party
            covered = sum(g[1] - g[0] for g in inside)
            gaps = [t for t in outer if t.is_punct or t.is_space or t.lower_ in ("the", "'s", "and", "or", "&")]
            if covered + len(gaps) < len(outer) or len(inside) < 2:
                continue
        keep.append((start, end, key))
    return keep


def _place_before_name(ent: Span, start: int, end: int, actor_type: str) -> bool:
    """A known state or place opens a person's span right after a preposition: 'Ambassador to [Venezuela Sergei
    Melik-Bagdasarov]' is the state, then the name."""
    doc = ent.doc
    return ent.label_ == "PERSON" and actor_type in ("State", "Place") and start == ent.start and end < ent.end \
        and start > 0 and doc[start - 1].lower_ in ("to", "in", "of", "from", "at")


def _add_gazetteer(doc: Doc, found: Mentions, start: int, end: int, key: str, lex: Lexicon) -> None:
    actor = lex.actors[key]
    if actor.type == "Person":  # "US President Barack Obama", "CIA Director John Brennan" as one alias: the state,
        first = start           # the body and the title stay outside
        while first < end - 1 and (_title_word(doc[first], lex) or _body_named(doc[first].text, lex) is not None):
            first += 1
        if first > start:
            body = _body_named(doc[start].text, lex)
            if body is not None:
                one = doc[start : start + 1]
                found.add(make_mention(one, body.type, body.name, body.key, body.country, "gazetteer"))
            start = first
    span = doc[start:end]
    label = "gazetteer"
    if actor.type == "State" and len(span) == 1 and span[0].pos_ == "ADJ":
        label = "demonym"
    found.add(make_mention(span, actor.type, actor.name, key, actor.country, label))


def _body_named(word: str, lex: Lexicon) -> Actor | None:
    """A state or organisation the gazetteer knows by this one word ("US", "CIA"), not a person."""
    key = lex.aliases.get(alias_key(word))
    actor = lex.actors.get(key) if key else None
    return actor if actor is not None and actor.type not in ("Person", "Place") else None


# --- named entities ---------------------------------------------------------------------------------


FUNCTION_WORDS = ("of", "and", "the", "in", "for", "at")


def _trim(ent: Span, lex: Lexicon) -> Span | None:
    """Strip determiners, possessive endings and (for people) leading titles from an entity span."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].lower_ in ("'s", "’s", "'") or doc[end - 1].is_punct
                           or doc[end - 1].is_space or (doc[end - 1].lower_ in FUNCTION_WORDS and end - 1 > start
                                                        and doc[end - 2].whitespace_)):
        end -= 1  # "Chidi Odinkalu of": the model's span ran into the phrase that follows (not "Moon Jae-in")
    cut = next((i for i in range(start + 1, end) if doc[i].text in ("--", "—", "–") and doc[i - 1].whitespace_), None)
    if cut is not None:  # "the Sinaloa Cartel -- Luis Perez": a spaced dash ends a name
        end = cut
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
    while start + 3 < end and doc[start + 1].text == "-" and doc[start].lower_ in AFFIXES:
        start += 3  # "pro-European Democratic Left": the affix is a stance, not part of the name
    if ent.label_ == "PERSON":
        while end - start > 1 and _title_word(doc[start], lex):
            start += 1
    elif ent.label_ == "ORG":  # "Coast Guard Lt." before "Steve Hardy": the body, then the title of the name
        while end - start > 1 and doc[end - 1].text[:1].isupper() and _title_word(doc[end - 1], lex) \
                and doc[end - 2].lower_ not in ("of", "the") and _person_at(doc, ent.end):
            end -= 1
    if start >= end:
        return None
    return doc[start:end]


def _subhead(span: Span) -> bool:
    """'SOUTHCOM Commander Testifies Before Senate' on a line of its own, in title case and with no final stop: a
    subhead's capitals make names of verbs, so the tagger's people there are not taken (known names still are)."""
    text = span.doc.text
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    end = end if end >= 0 else len(text)
    if end - start > 200:
        return False  # a paragraph, not a subhead: and no per-name pass over a long line
    line = text[start:end].rstrip()
    return title_case(line) and line[-1:] not in ".!?\"”'’"


def _person_at(doc: Doc, i: int) -> bool:
    while i < len(doc) and doc[i].text == ".":
        i += 1
    return i < len(doc) and doc[i].ent_type_ == "PERSON"


def _title_word(token: Token, lex: Lexicon) -> bool:
    return token.lower_.rstrip(".") in lex.titles or token.text in (".", "-")


def _add_ner(found: Mentions, span: Span, lex: Lexicon) -> None:
    label = span.label_ or span.root.ent_type_
    text = span.text
    if text.islower():
        return  # "homeland defense" tagged as an organisation: a name has a capital somewhere
    if label == "PERSON" and len(span) > 1 and span[-1].tag_ == "NNPS" and state_named(span[0].text, lex):
        mtype = "Group"  # "Bosnian Serbs" tagged as a person: a people
    elif label == "PERSON" and ACRONYM.match(text):
        mtype = org_type(text)  # "PNH", "FARC" tagged as a person: an initialism names a body, not a person
    elif label == "PERSON" and _class_noun_before(span, lex):  # "the militia Kataib Hezbollah": its name
        types = lex.definites[span.doc[span.start - 1].lower_]
        mtype = org_type(text, default=next(iter(types)) if len(types) == 1 else "Group")
    elif label == "PERSON" or PERSON_SHAPE.match(text):  # "Ulf D. Merbold" tagged as an organisation
        mtype = "Person"
    elif label in ("GPE", "LOC", "FAC"):
        mtype = org_type(text, default="Place")  # "the Medellin Cartel" tagged as a facility is still a cartel
        if label == "GPE" and mtype not in ("CriminalGroup", "ArmedGroup"):
            mtype = "Place"  # "Council Bluffs" is a town, whatever its words
    elif label == "NORP":
        return  # demonyms of known states come from the gazetteer; other groups from collective nouns
    else:
        following = span.doc[span.end] if span.end < len(span.doc) else None
        if following is not None and _title_word(following, lex) and all(t.lower_ in lex.portfolios for t in span):
            return  # "Defense" of "Turkey's Defense Minister X": the office's field
        if _part_of_title(span, lex) or (len(span) <= 3 and _title_word(span[-1], lex)):
            return  # "Secretary of State", "German Chancellor": a title, not an actor
        if span[-1].lower_ in lex.frames["event_nouns"]:
            return  # "the G-7 Summit", "the Munich Security Conference": an event, not an actor
        state = _government_of(text, lex)
        if state is not None:  # "Government of Colombia" is Colombia
            found.add(make_mention(span, "State", state.name, state.key, state.country, "demonym"))
            return
        mtype = org_type(text)
    found.add(make_mention(span, mtype, text, entity_key(mtype, text), None, label or "NER"))


def _class_noun_before(span: Span, lex: Lexicon) -> bool:
    """'the group X', 'the militia X', 'the company X': a class noun of bodies right before the name."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.is_lower and "Person" not in lex.definites.get(before.lower_, ("Person",)) \
        and "State" not in lex.definites[before.lower_]  # "the regime X", "the government X": its leader


def _government_of(text: str, lex: Lexicon) -> Actor | None:
    match = re.match(r"^(?:the\s+)?(\w+)\s+of\s+(?:the\s+)?(.+)$", text, re.I)
    if not match or lex.heads.get(match.group(1).lower()) != "state":
        return None
    key = lex.aliases.get(alias_key(match.group(2)))
    actor = lex.actors.get(key) if key else None
    return actor if actor is not None and actor.type == "State" else None


def _part_of_title(span: Span, lex: Lexicon) -> bool:
    """'State' in 'Secretary of State', 'Foreign Affairs' in 'Minister of Foreign Affairs': an office's field after
    a title, no actor. Any other name there is the body the title holder serves ('president of Siemens')."""
    root = span.root
    if root.dep_ != "pobj" or root.head.lower_ != "of" or not _title_word(root.head.head, lex):
        return False
    if root.head.head.lemma_.lower() in lex.frames["field_titles"] and len(span) <= 3 \
            and span[-1].lower_ not in BODIES:
        return True  # "professor of International Relations": a field of study
    words = [t.lower_ for t in span if t.lower_ not in ("the", "and", "&", "of")]
    return bool(words) and all(w in lex.portfolios or w in lex.frames["office_fields"] for w in words)


# --- "Columbus, Miss.", "North Bend, Ohio": one place ------------------------------------------------------


# --- peoples: "Algerians" (the state's people), "Kurds", "ethnic Albanians", "Iraqi Kurds" (groups) -------------


# --- demonyms and states with an actor head ("Russian intelligence", "the Venezuelan government") --------


# --- collective actors ("drug cartels", "Islamists") -------------------------------------------------------


# --- names within a document: surnames, first names, acronyms ------------------------------------------


# --- pronouns and definite descriptions -------------------------------------------------------------------


