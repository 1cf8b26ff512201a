"""Find the actors a spaCy doc names: gazetteer, NER, demonym phrases, collective nouns."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from claimgraph.lexicon import Actor, Lexicon, alias_key
from claimgraph.model import Mention

NER_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
PARTICLES = {"al", "el", "de", "da", "bin", "ibn", "van", "von", "la", "le", "du", "del", "dos"}
QUOTES = str.maketrans({"’": "'", "‘": "'"})
ORG_TYPES = [  # keyword in an unknown organisation's name -> actor type; first match wins
    (r"\bcartel\b|\bmafia\b|\bgang\b|\bclan\b", "CriminalGroup"),
    (r"\barmy of\b|\bliberation\b|\bbrigades?\b|\bfront\b|\bmilitia\b|\bjihad\b|\bguerrill|\brebels?\b|"
     r"\barmed forces of\b|\bhigh command of\b", "ArmedGroup"),
    (r"\bparty\b", "Party"),
    (r"\bministry\b|\bdepartment\b|\bagency\b|\bservices?\b|\bpolice\b|\bcommand\b|\bcommittee\b|"
     r"\bsenate\b|\bcongress\b|\bparliament\b|\bassembly\b|\bcourt\b|\boffice\b|\bbureau\b|\bembassy\b|"
     r"\bnavy\b|\barmy\b|\bguard\b|\bcorps\b|\bcouncil\b|\badministration\b|\bcommission\b|\bintelligence\b|"
     r"\bdistrict\b|\bdirectorate\b|\bgovernment\b|\bhouse\b", "Agency"),
    (r"\bnews\b|\btimes\b|\bpost\b|\bpress\b|\btv\b|\bradio\b|\bjournal\b|\btelevision\b|\bherald\b|\bgazette\b",
     "Media"),
    (r"\bunion\b|\balliance\b|\borganization of\b|\bnations\b|\bbloc\b|\bcommunity\b|\bforum\b", "Bloc"),
    (r"\binc\b|\bcorp\b|\bltd\b|\bllc\b|\bco\b|\bcompany\b|\bbank\b|\bgroup\b|\bholdings?\b|\bairlines?\b|"
     r"\bpetroleum\b|\boil\b|\bgas\b|\benergy\b|\bmotors\b|\bplc\b|\bs\.a\b|\bindustries\b", "Company"),
]
BODIES = {"league", "society", "institute", "foundation", "association", "center", "centre", "museum", "university",
          "academy", "college", "club", "network", "trust", "fund", "movement", "federation", "union"}
PERSON_SHAPE = re.compile(r"^[A-Z][a-z]+ (?:[A-Z]\. )+[A-Z][a-z]+(?:-[A-Z][a-z]+)?$")
PRONOUNS = {
    "he": "person", "him": "person", "his": "person", "she": "person", "her": "person",
    "it": "org", "its": "org", "they": "plural", "them": "plural", "their": "plural",
}


@dataclass
class Mentions:
    """The mentions of one doc, and which mention each token belongs to."""

    items: list[Mention] = field(default_factory=list)
    by_token: dict[int, Mention] = field(default_factory=dict)

    def add(self, mention: Mention) -> None:
        self.items.append(mention)
        for i in range(mention.tok_start, mention.tok_end):
            self.by_token[i] = mention

    def remove(self, mention: Mention) -> None:
        self.items.remove(mention)
        for i in range(mention.tok_start, mention.tok_end):
            self.by_token.pop(i, None)

    def free(self, start: int, end: int) -> bool:
        return all(i not in self.by_token for i in range(start, end))

    def at(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)


def find_mentions(doc: Doc, lex: Lexicon) -> Mentions:
    found = Mentions()
    gazetteer = _gazetteer_spans(doc, lex)
    ents = [_portfolio(e, lex) for e in doc.ents
            if e.label_ in NER_LABELS and not _modifier_only(e) and not _not_a_name(e)]
    for start, end, key in _prefer(gazetteer, ents, lex):
        _add_gazetteer(doc, found, start, end, key, lex)
    for ent in ents:
        span = _trim(ent, lex)
        if span is None or not found.free(span.start, span.end):
            continue
        known = lex.aliases.get(alias_key(span.text))  # a trimmed entity the gazetteer knows
        if known and _accept(span, lex.actors[known].type):
            _add_gazetteer(doc, found, span.start, span.end, known, lex)
        else:
            _add_ner(found, span, lex)
    _place_pairs(doc, found)
    _peoples(doc, found, lex)
    _demonym_phrases(doc, found, lex)
    _collectives(doc, found, lex)
    _names_within_document(found, doc)
    _acronyms(doc, found)
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
    return token.pos_ == "PROPN" or token.ent_type_ in NER_LABELS


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


def _add_gazetteer(doc: Doc, found: Mentions, start: int, end: int, key: str, lex: Lexicon) -> None:
    actor = lex.actors[key]
    if actor.type == "Person":  # "US President Barack Obama" as one alias: the state and the title stay outside
        first = start
        while first < end - 1 and (_title_word(doc[first], lex) or _state_named(doc[first].text, lex)):
            first += 1
        if first > start:
            state = _state_named(doc[start].text, lex)
            if state is not None:
                found.add(_mention(doc[start : start + 1], "State", state.name, state.key, state.country, "gazetteer"))
            start = first
    span = doc[start:end]
    label = "gazetteer"
    if actor.type == "State" and len(span) == 1 and span[0].pos_ == "ADJ":
        label = "demonym"
    found.add(_mention(span, actor.type, actor.name, key, actor.country, label))


def _mention(span: Span, mtype: str, name: str, key: str, country: str | None, label: str) -> Mention:
    return Mention(start=span.start_char, end=span.end_char, text=span.text, type=mtype, name=name, key=key,
                   country=country, label=label, tok_start=span.start, tok_end=span.end)


# --- named entities ---------------------------------------------------------------------------------


def _trim(ent: Span, lex: Lexicon) -> Span | None:
    """Strip determiners, possessive endings and (for people) leading titles from an entity span."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].lower_ in ("'s", "’s", "'") or doc[end - 1].is_punct
                           or doc[end - 1].is_space):
        end -= 1
    while start + 3 < end and doc[start + 1].text == "-" and doc[start].lower_ in ("pro", "anti"):
        start += 3  # "pro-European Democratic Left": the affix is a stance, not part of the name
    if ent.label_ == "PERSON":
        while end - start > 1 and _title_word(doc[start], lex):
            start += 1
    if start >= end:
        return None
    return doc[start:end]


def _title_word(token: Token, lex: Lexicon) -> bool:
    return token.lower_.rstrip(".") in lex.titles or token.text in (".", "-")


def _add_ner(found: Mentions, span: Span, lex: Lexicon) -> None:
    label = span.label_ or span.root.ent_type_
    text = span.text
    if label == "PERSON" and len(span) > 1 and span[-1].tag_ == "NNPS" and _state_named(span[0].text, lex):
        mtype = "Group"  # "Bosnian Serbs" tagged as a person: a people
    elif label == "PERSON" or PERSON_SHAPE.match(text):  # "Ulf D. Merbold" tagged as an organisation
        mtype = "Person"
    elif label in ("GPE", "LOC", "FAC"):
        mtype = org_type(text, default="Place")  # "the Medellin Cartel" tagged as a facility is still a cartel
        if label == "GPE" and mtype not in ("CriminalGroup", "ArmedGroup"):
            mtype = "Place"  # "Council Bluffs" is a town, whatever its words
    elif label == "NORP":
        return  # demonyms of known states come from the gazetteer; other groups from collective nouns
    else:
        if _part_of_title(span, lex) or (len(span) <= 3 and _title_word(span[-1], lex)):
            return  # "Secretary of State", "German Chancellor": a title, not an actor
        state = _government_of(text, lex)
        if state is not None:  # "Government of Colombia" is Colombia
            found.add(_mention(span, "State", state.name, state.key, state.country, "demonym"))
            return
        mtype = org_type(text)
    found.add(_mention(span, mtype, text, entity_key(mtype, text), None, label or "NER"))


def _government_of(text: str, lex: Lexicon) -> Actor | None:
    match = re.match(r"^(?:the\s+)?(\w+)\s+of\s+(?:the\s+)?(.+)$", text, re.I)
    if not match or lex.heads.get(match.group(1).lower()) != "state":
        return None
    key = lex.aliases.get(alias_key(match.group(2)))
    actor = lex.actors.get(key) if key else None
    return actor if actor is not None and actor.type == "State" else None


def _part_of_title(span: Span, lex: Lexicon) -> bool:
    root = span.root
    if len(span) > 3 or root.dep_ != "pobj" or root.head.lower_ != "of" or org_type(span.text) != "Group" \
            or span[-1].lower_ in BODIES:
        return False  # "head of the European Investment Bank" names a bank; "Secretary of State" a title
    return root.head.head.lower_.rstrip(".") in lex.titles or root.head.head.lemma_.lower() in (
        "secretary", "minister", "ministry", "department", "professor", "director", "undersecretary")


def org_type(name: str, default: str = "Group") -> str:
    low = name.lower()
    for pattern, mtype in ORG_TYPES:
        if re.search(pattern, low):
            return mtype
    return default


def entity_key(mtype: str, name: str) -> str:
    family = {"Person": "person", "Place": "place", "State": "state"}.get(mtype, "org")
    return f"{family}:{alias_key(name)}"


# --- "Columbus, Miss.", "North Bend, Ohio": one place ------------------------------------------------------

ABBREVIATION = re.compile(r"^([A-Z][a-z]{0,4}\.|[A-Z]\.[A-Z]\.)$")


def _place_pairs(doc: Doc, found: Mentions) -> None:
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


# --- peoples: "Algerians" (the state's people), "Kurds", "ethnic Albanians", "Iraqi Kurds" (groups) -------------


def _peoples(doc: Doc, found: Mentions, lex: Lexicon) -> None:
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
        state = _state_named(token.text[:-1], lex) or _state_named(token.text, lex)
        mods = [c for c in token.lefts if c.dep_ in ("amod", "compound", "nmod") and (
            c.lower_ == "ethnic" or (m := found.at(c)) is not None and m.type == "State")]
        known = found.at(token)
        if known is not None and (known.type != "State" or not mods):
            continue  # a name the gazetteer knows ("Palestinians"), kept as it is
        if state is not None and not mods:
            found.add(_mention(doc[token.i : token.i + 1], "State", state.name, state.key, state.country, "demonym"))
            continue
        start = min((c.i for c in mods), default=token.i)
        owner = next((m for c in mods if (m := found.at(c)) is not None), None)
        for i in range(start, token.i + 1):
            other = found.at(doc[i])
            if other is not None:
                found.remove(other)
        span = doc[start : token.i + 1]
        country = owner.country if owner is not None else None
        found.add(_mention(span, "Group", _clean_name(span.text), f"group:{country or ''}:{alias_key(span.text)}",
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
    found.add(_mention(span, "Group", _clean_name(span.text), f"group::{alias_key(span.text)}", None, "collective"))


def _state_named(text: str, lex: Lexicon) -> Actor | None:
    key = lex.aliases.get(alias_key(text))
    actor = lex.actors.get(key) if key else None
    return actor if actor is not None and actor.type == "State" else None


# --- demonyms and states with an actor head ("Russian intelligence", "the Venezuelan government") --------


def _demonym_phrases(doc: Doc, found: Mentions, lex: Lexicon) -> None:
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
        new = _mention(span, "State", mention.name, mention.key, mention.country, "demonym")
    else:
        mtype = {"agency": "Agency", "media": "Media"}.get(kind, "Group")
        name = _clean_name(span.text)
        new = _mention(span, mtype, name, f"{kind}:{country}:{phrase}", mention.country, "demonym")
    found.add(new)


def _clean_name(text: str) -> str:
    text = re.sub(r"^(the|a|an)\s+", "", text.strip(), flags=re.I)
    return re.sub(r"\s+", " ", text)


# --- collective actors ("drug cartels", "Islamists") -------------------------------------------------------


def _collectives(doc: Doc, found: Mentions, lex: Lexicon) -> None:
    for token in doc:
        if token.pos_ not in ("NOUN", "PROPN") or found.at(token) is not None:
            continue
        if token.dep_ == "compound" and token.head.pos_ in ("NOUN", "PROPN"):
            continue  # the head of the phrase decides
        renamed = found.at(token.head) if token.dep_ == "appos" else None
        if renamed is not None and renamed.label != "collective":
            continue  # "Al-Shabab, a terrorist group": a description of the named actor, not another actor
        if token.lower_ in lex.definites and [c.lower_ for c in token.lefts] in (["the"], ["this"], ["that"]) \
                and resolve_reference(token, found, lex) is not None:
            continue  # "the cartel": a reference back to a named cartel, resolved where it is used
        mods = [c for c in token.lefts if c.dep_ in ("compound", "amod", "nmod") and found.at(c) is None]
        start = min((c.left_edge.i for c in mods), default=token.i)
        for i in range(start, token.i):  # never swallow a named actor: "FARC terrorists" stays FARC + noun
            if found.at(doc[i]) is not None:
                start = i + 1
                if start + 1 < token.i and doc[start].text == "-":  # "Russian-loyal Ba'athists": skip "-loyal"
                    start += 2
        while start < token.i and (doc[start].is_punct or doc[start].pos_ in ("DET", "NUM", "PRON", "VERB")):
            start += 1
        words = doc[start : token.i + 1]
        where = _whereabouts(token, start, found)
        key = _collective_key(words, token, lex, qualified=where is not None)
        if key is None:
            continue
        name = _clean_name(words.text)
        country = None
        if where is not None:  # "rebels in Darfur", "Ivory Coast rebels": one group, not every rebel anywhere
            place, before = where
            left = min([place.tok_start, *(c.left_edge.i for c in token.lefts if c.dep_ in ("amod", "compound"))])
            phrase = doc[left : token.i + 1].text if before else f"{name} {doc[token.i + 1 : place.tok_end].text}"
            name = _clean_name(phrase)
            key = f"{key}:{alias_key(place.name)}"
            country = place.country
        found.add(_mention(words, "Media" if "media" in key else "Group", name, f"group:{key}", country,
                           "collective"))


def _whereabouts(head: Token, start: int, found: Mentions) -> tuple[Mention, bool] | None:
    """The place a collective noun is qualified by: a name right before it ('Ivory Coast rebels') or
    'in PLACE' right after it ('rebels in the Ivory Coast')."""
    doc = head.doc
    if start > 0:
        before = found.at(doc[start - 1])
        if before is not None and before.type in ("Place", "State") and before.tok_end == start \
                and doc[start - 1].head.i == head.i and before.label not in ("demonym",):
            return before, True
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "in" and prep.i == head.i + 1:
            for pobj in prep.children:
                place = found.at(pobj)
                if pobj.dep_ == "pobj" and place is not None and place.type in ("Place", "State") \
                        and all(t.lower_ == "the" for t in doc[prep.i + 1 : place.tok_start]):
                    return place, False
    return None


def _collective_key(words: Span, head: Token, lex: Lexicon, qualified: bool = False) -> str | None:
    """The key of a collective actor's phrase ('drug cartel', 'far-left forces'), or None if it names none."""
    lower = [t.lower_.translate(QUOTES) for t in words]
    start = lex.collective_phrase(lower)
    if start is None:
        for i in range(len(words)):  # "security forces in Guinea": a common noun, an actor with its place
            if qualified and " ".join(lower[i:]) in lex.qualified:
                return head.lemma_.lower() if i == len(words) - 1 else alias_key(words[i:].text)
        return None
    if start == len(words) - 1:
        compounds = [t.lemma_.lower() for t in words if t.dep_ == "compound" and t.i < head.i]
        return " ".join([*compounds, head.lemma_.lower()])
    return alias_key(words[start:].text)


# --- names within a document: surnames, first names, acronyms ------------------------------------------


def _names_within_document(found: Mentions, doc: Doc) -> None:
    """A surname or first name alone joins the full name seen in the document, when only one fits;
    a surname the NER missed ("Lehder later worked ...") becomes a mention of that person."""
    people = [m for m in found.items if m.type == "Person"]
    full = [m for m in people if len(m.name.split()) >= 2]
    for mention in found.items:  # "Tareck" tagged as a place, "GOMEZ" as an organisation: a name part is a person
        if mention.type != "Person" and mention.label in NER_LABELS and len(mention.text.split()) == 1:
            word = mention.text.lower()
            if any(_name_part(word, m.name) or _name_part(word, m.text) for m in full):
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
        found.add(_mention(doc[token.i : token.i + 1], "Person", first.name, first.key, first.country, "surname"))
    for mention in people:
        words = mention.text.split()
        if len(words) != 1:
            continue
        word = words[0].lower()
        fits = {m.key: m for m in full if _name_part(word, m.name) or _name_part(word, m.text)}
        if len({_first_last(m.name) for m in fits.values()}) == 1:  # "Craig Faller" and "Craig S. Faller" agree
            target = max(fits.values(), key=lambda m: (len(m.name), m.key))
            mention.key, mention.name, mention.country = target.key, target.name, target.country


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


def _acronyms(doc: Doc, found: Mentions) -> None:
    """"Office of Foreign Assets Control (OFAC)" / ", or OFAC": the acronym joins the long form."""
    ordered = sorted(found.items, key=lambda m: m.tok_start)
    for prev, cur in zip(ordered, ordered[1:], strict=False):
        between = doc[prev.tok_end : cur.tok_start].text.strip().lower()
        if between in ("(", ", or", "or", ",") and cur.text.isupper() and _initials(prev.name, cur.text):
            cur.key, cur.name, cur.type, cur.country = prev.key, prev.name, prev.type, prev.country
    longs = [m for m in ordered if len(m.name.split()) >= 2]
    for mention in ordered:
        if mention.text.isupper() and mention.label != "gazetteer" and len(mention.text) >= 2:
            fits = {m.key: m for m in longs if _initials(m.name, mention.text)}
            if len(fits) == 1:
                target = next(iter(fits.values()))
                mention.key, mention.name, mention.type = target.key, target.name, target.type


def _initials(name: str, acronym: str) -> bool:
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in ("of", "the", "and", "for", "de")]
    return len(words) >= 2 and "".join(w[0] for w in words).upper() == acronym.replace(".", "").upper()


# --- pronouns and definite descriptions -------------------------------------------------------------------


def resolve_reference(token: Token, found: Mentions, lex: Lexicon, max_sentences: int = 2) -> Mention | None:
    """The actor a pronoun or a definite description ("the cartel") points back to, if one fits."""
    low = token.lower_
    kind = PRONOUNS.get(low)
    definite = None
    if kind is None:
        if low in lex.definites and any(c.lower_ in ("the", "this", "that") for c in token.lefts):
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
    for mention in reversed(found.items):
        if mention.tok_end > token.i or mention.tok_start < sent_starts or mention.label == "pronoun":
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
    sentence = doc[nearest.tok_start].sent
    for mention in candidates:  # in the nearest candidate's sentence, its main subject wins over a nearer object
        if mention.tok_start < sentence.start:
            break
        last = doc[mention.tok_end - 1]
        if last.dep_ in ("nsubj", "nsubjpass") and _main_clause(last.head):
            return mention
    return nearest


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
    for mention in reversed(found.items):
        if mention.tok_end > token.i or mention.tok_start < start or mention.label == "pronoun":
            continue
        if mention.type in types and all(m.key != mention.key for m in out):
            out.append(mention)
        if len(out) == 2:
            return out
    return []


def _sentence_window(token: Token, count: int) -> int:
    sent = token.sent
    doc = token.doc
    start = sent.start
    for _ in range(count):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    return start


def _pronoun_fits(kind: str, mention: Mention) -> bool:
    if kind == "person":
        return mention.type == "Person"
    if kind == "org":
        return mention.type not in ("Person", "Place", "Group")
    return mention.type in ("Group", "ArmedGroup", "CriminalGroup", "Agency", "Company") and mention.label in (
        "collective", "demonym", "ORG", "gazetteer")
