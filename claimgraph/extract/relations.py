"""Dependency patterns that read relations between actors: verbs, nouns, affixes, titles."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from claimgraph.extract.arguments import Actor, Arguments, is_passive
from claimgraph.lexicon import Lexicon, Trigger, alias_key, load
from claimgraph.lexicon import against as against_trigger
from claimgraph.model import SYMMETRIC, Mention

ACCUSERS = {"convict", "accuse", "suspect", "charge", "arrest", "indict", "sentence", "try", "jail", "blame",
            "execute", "hang", "prosecute", "acquit", "guilty", "responsible", "serve", "imprison"}
COPULAS = {"be", "become", "remain", "seem", "appear", "serve", "act", "stay"}
LIGHT_VERBS = {"have", "impose", "place", "slap", "levy", "wage", "mount", "stage",
               "maintain", "establish", "develop", "build", "pursue", "expand", "strengthen", "deepen",
               "forge", "seek", "keep", "enjoy", "increase", "renew", "cultivate", "show", "play", "offer", "give",
               "provide", "express", "receive", "get", "gain", "secure", "need", "want", "use", "continue", "hold",
               "sign", "reach", "conduct", "launch", "open", "resume", "start", "begin", "promise", "pledge",
               "announce", "extend", "boost", "restore", "seal", "conclude", "propose", "approve", "send", "commit",
               "carry", "order", "plan", "attempt", "claim", "mastermind", "reiterate", "repeat", "issue", "make",
               "voice"}
ORG_NOUNS = {"agency", "party", "group", "newspaper", "daily", "weekly", "paper", "magazine", "company", "firm",
             "bank", "institute", "university", "ministry", "service", "network", "organization", "organisation",
             "council", "committee", "movement", "union", "club", "team", "channel", "station", "broadcaster",
             "carrier", "airline", "corporation", "conglomerate", "militia", "faction", "alliance", "coalition",
             "federation", "association", "foundation", "court", "parliament", "army", "force", "forces",
             "league", "society", "center", "centre", "museum", "academy", "forum", "institution"}
OFFICES = {"president", "vice president", "prime minister", "minister", "foreign minister", "defense minister",
           "vice-president", "chief of staff", "ambassador", "senator", "governor", "chancellor", "king", "queen"}


@dataclass
class Found:
    """A relation read in a sentence, before cues (attribution, hedging) are added."""

    subject: Mention
    relation: str
    object: Mention | None
    trigger: Token
    confidence: float
    pattern: str
    activity: str | None = None
    role: str | None = None


def trigger_of(token: Token, lex: Lexicon) -> tuple[Trigger, ...]:
    """The triggers a token carries (a verb may carry several: 'work with' and 'work for')."""
    pos = {"VERB": "verb", "AUX": "verb", "NOUN": "noun", "PROPN": "noun", "ADJ": "adj"}.get(token.pos_)
    if pos is None:
        return ()
    lemma = token.lemma_.lower()
    if pos == "verb":
        for child in token.children:
            if child.dep_ == "prt":
                found = lex.triggers.get((f"{lemma} {child.lower_}", "verb"))
                if found:
                    return found
            if child.dep_ == "dobj":
                found = lex.triggers.get((f"{lemma} {child.lemma_.lower()}", "verb"))
                if found:
                    return found
    if pos == "noun":
        for child in token.children:
            if child.dep_ == "compound" and child.i == token.i - 1:
                found = lex.triggers.get((f"{child.lemma_.lower()} {lemma}", "noun"))
                if found:
                    return found
    if pos == "adj" and token.tag_ == "VBN":
        return lex.triggers.get((lemma, "verb")) or lex.triggers.get((lemma, "adj"), ())
    found = lex.triggers.get((lemma, pos), ())
    if not found and pos == "verb" and lemma not in lex.frames["against_excluded"] and any(
            c.dep_ == "prep" and c.lower_ == "against" for c in token.children):
        return (against_trigger(lemma),)  # "turned against X", "testified against X"
    return found


def relations(sent: Span, args: Arguments, lex: Lexicon) -> Iterator[Found]:
    for token in args.tokens(sent):
        triggers = trigger_of(token, lex)
        light = token.lemma_.lower() in LIGHT_VERBS and any(
            c.dep_ == "dobj" and c.lemma_.lower() in lex.relation_nouns for c in token.children)
        for trig in triggers:
            if trig.pos == "verb" and light and trig.lemma == token.lemma_.lower():
                continue  # "held a summit with X": the noun carries the tie, "hold" is no detention here
            if trig.pos == "verb":
                yield from _verb(token, trig, args)
            elif trig.pos == "noun":
                yield from _noun(token, trig, args)
            else:
                yield from _adjective(token, trig, args)
        if not triggers and token.pos_ == "VERB" and token.lemma_.lower() in lex.transfer_verbs:
            yield from _transfer(token, args, lex)
    yield from _affixes(sent, args, lex)
    yield from _demands(sent, args, lex)
    yield from _titles(sent, args, lex)
    yield from _modifiers(sent, args)
    yield from _native(sent, args)
    yield from _founded_in(sent, args)


# --- verbs ------------------------------------------------------------------------------------------------


def _verb(verb: Token, trig: Trigger, args: Arguments) -> Iterator[Found]:
    passive = is_passive(verb)
    preps = {s.split(":", 1)[1] for s in trig.slots if s.startswith("prep:")}
    takes_dobj = "dobj" in trig.slots
    conf = trig.confidence
    if passive and takes_dobj:
        holders = args.agents(verb)
        others = args.passive_subjects(verb)
        conf -= 0.05
    else:
        holders = args.passive_subjects(verb) if passive else args.subjects(verb)
        others = args.direct_objects(verb) if takes_dobj else []
    if preps:
        others = others + args.prep_objects(verb, preps)
    if "ccomp" in trig.slots:  # "X demanded that Y cancel ...": Y
        others = others + [a for c in verb.children if c.dep_ == "ccomp" for a in args.subjects(c)]
    if "xcomp" in trig.slots:  # "X threatened to break relations with Y": Y
        for clause in (c for c in verb.children if c.dep_ == "xcomp"):
            others = others + args.direct_objects(clause) + args.prep_objects(clause, {"with", "against", "in", "on"})
    if "cond" in trig.slots:  # "X threatened to leave the talks if Y deployed missiles": Y
        clauses = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
        for clause in (c for v in clauses for c in v.children if c.dep_ == "advcl"):
            if any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in clause.children):
                others = others + [Actor(a.mention, a.penalty + 0.1) for a in args.subjects(clause)]
    if not others and trig.kind in SYMMETRIC and len(holders) > 1 and trig.source == "general":
        yield from _pairs(holders, trig, verb, conf)  # "X and Y cooperate"; not "X and Y attended the summit"
        return
    pattern = "verb" if trig.source == "general" else f"verb:{trig.source}"  # "verb:cameo:111"
    yield from emit(holders, others, trig.kind, trig.reverse, verb, conf, pattern)


def _pairs(actors: list[Actor], trig: Trigger, verb: Token, conf: float) -> Iterator[Found]:
    for i, a in enumerate(actors):
        for b in actors[i + 1 :]:
            yield from emit([a], [b], trig.kind, False, verb, conf - 0.1, "verb-coordinated")


def emit(holders: list[Actor], others: list[Actor], kind: str, reverse: bool, trigger: Token, conf: float,
          pattern: str, role: str | None = None) -> Iterator[Found]:
    for h in holders:
        for o in others:
            if h.mention.key == o.mention.key:
                continue
            subj, obj = (o, h) if reverse else (h, o)
            relation = kind
            subj = Actor(capital_as_state(subj.mention), subj.penalty)
            if kind not in ("OPPOSES", "OPERATES_IN", "MEMBER_OF"):
                obj = Actor(capital_as_state(obj.mention), obj.penalty)
            if kind == "OPERATES_IN" and obj.mention.type not in ("Place", "State"):
                continue
            if kind == "OPERATES_IN" and _language(obj.mention, trigger.doc):
                continue  # "read Tolstoy in German": a language, not a place
            if kind == "OPERATES_IN":
                obj = Actor(_the_city(obj.mention), obj.penalty)  # "born in Washington": the city, not the state
            if kind == "MEMBER_OF" and obj.mention.type == "Place":
                relation = "OPERATES_IN"  # "New Jersey Gov. X", "mayor of Mohammadia": an office held in a place
            if kind == "MEMBER_OF" and obj.mention.type == "Person":
                continue
            if kind == "MEMBER_OF" and obj.mention.label in ("demonym", "collective") \
                    and obj.mention.type in ("Group", "Media") and obj.mention.text.split()[-1][-1:] != "s":
                continue  # "X, a Palestinian journalist": a description of X, not a body X belongs to
            score = max(0.05, min(1.0, conf - h.penalty - o.penalty))
            yield Found(subj.mention, relation, obj.mention, trigger, round(score, 3), pattern, role=role)


LANGUAGES = frozenset({
    "english", "spanish", "french", "arabic", "russian", "chinese", "german", "portuguese", "turkish", "italian",
    "persian", "japanese", "korean", "hebrew", "dutch", "polish", "serbo-croatian", "urdu", "hindi", "indonesian",
    "vietnamese", "thai", "greek", "romanian", "hungarian", "czech", "ukrainian", "farsi", "dari", "pashto",
    "swahili", "bulgarian", "slovak", "albanian", "macedonian", "croatian", "mandarin", "cantonese", "latin"})


def _language(mention: Mention, doc: Doc) -> bool:
    """'in German', 'in Spanish': a language named where a place would stand."""
    if mention.tok_start < 0 or mention.tok_end - mention.tok_start != 1:
        return False
    token = doc[mention.tok_start]
    return token.lower_ in LANGUAGES or (mention.label == "demonym" and token.tag_ == "JJ")


def _the_city(mention: Mention) -> Mention:
    """A capital named for its government ('Moscow said') is, where something is present, the city itself."""
    if mention.type != "State" or mention.label != "gazetteer" or alias_key(mention.text) == alias_key(mention.name):
        return mention
    if not mention.text[:1].isupper():
        return mention  # "the Kremlin" stays the state
    return replace(mention, type="Place", name=mention.text, key=f"place:{alias_key(mention.text)}")


def capital_as_state(mention: Mention) -> Mention:
    """A capital is a place, but one that acts stands for its government ('Nairobi condemned', 'visited Kyiv');
    what is done to it or in it is done to the city ('shelled Kyiv', 'based in Kyiv'). Capitals of capitals.tsv."""
    lex = load()
    state_key = lex.capitals.get(alias_key(mention.text)) if mention.type == "Place" else None
    if state_key is None:
        return mention
    state = lex.actors[state_key]
    return replace(mention, type="State", name=state.name, key=state.key, country=state.country)


def _transfer(verb: Token, args: Arguments, lex: Lexicon) -> Iterator[Found]:
    """'sell weapons to X', 'provide X with money': the goods decide the kind."""
    goods = [c for c in verb.children if c.dep_ == "dobj"]
    incoming = lex.transfer_verbs.get(verb.lemma_.lower(), False)
    if incoming:  # "Hamas received money from Iran": Iran gives to Hamas
        receivers = args.prep_objects(verb, {"from"})
    else:
        receivers = args.prep_objects(verb, {"to", "for"}) + [
            a for c in verb.children if c.dep_ == "dative" for a in args.actors(c)]
    kind = None
    for good in goods:
        for item in [good, *good.conjuncts]:
            kind = kind or lex.transfers.get(item.lemma_.lower())
            for child in item.children:  # "political and diplomatic support", "arms sales"
                if child.dep_ == "compound":
                    kind = kind or lex.transfers.get(child.lemma_.lower())
    if kind is None:
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "with":
                for pobj in child.children:
                    kind = kind or lex.transfers.get(pobj.lemma_.lower())
                if kind:
                    receivers = receivers + args.direct_objects(verb)
    if kind is None or not receivers:
        return
    holders = args.passive_subjects(verb) if is_passive(verb) else args.subjects(verb)
    yield from emit(holders, receivers, kind, incoming, verb, 0.7, "transfer")


# --- nouns ------------------------------------------------------------------------------------------------


def _noun(noun: Token, trig: Trigger, args: Arguments) -> Iterator[Found]:
    holders = _noun_holders(noun, trig, args)
    others: list[Actor] = []
    preps = {s.split(":", 1)[1] for s in trig.slots if s.startswith("prep:")}
    others += args.prep_objects(noun, preps)
    governor = noun.head.lemma_.lower()
    if not others and preps and noun.dep_ == "dobj" and (governor in LIGHT_VERBS
                                                         or governor in args.lex.frames["relation_building"]):
        others += args.prep_objects(noun.head, preps)  # "expanded its presence in X": the parser hangs X on the verb
    if "poss" not in trig.slots and "of" not in preps and trig.kind not in ("MEMBER_OF", "OPERATES_IN") \
            and any(c.dep_ == "poss" for c in noun.children):
        others += args.prep_objects(noun, {"of"})  # "Ankara's backing of Hamas": the possessor acts on the of-object
    if noun.lemma_.lower() in args.lex.relational and trig.kind != "MEMBER_OF":  # "a Saudi ally": Saudi Arabia's
        others += [Actor(m) for c in noun.children if c.dep_ in ("amod", "compound") and c.i < noun.i
                   and (m := args.found.at(c)) is not None and m.type == "State" and m.tok_end <= noun.i]
    if trig.kind == "MEMBER_OF":  # "a scientist with the Center", "a columnist for the AP": organisations only
        others += [a for a in args.prep_objects(noun, {"with", "for", "in"} - preps)
                   if a.mention.type not in ("Person", "Place", "State") and a.mention.text[:1].isupper()]
    for child in noun.children:
        if child.dep_ == "poss" and "poss" in trig.slots:
            others += args.actors(child)
    if "ccomp" in trig.slots:  # "its demand that Israel withdraw", "reiterated its demand today that Israel ..."
        clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp")]
        if noun.dep_ == "dobj":
            clauses += [c for c in noun.head.children if c.dep_ == "ccomp" and c.i > noun.i]
        others += [a for c in clauses if any(m.lower_ == "that" for m in c.children) for a in args.subjects(c)]
    if not others and trig.kind == "MEMBER_OF":  # "professor of economics at the University"
        others += [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                   if p.dep_ == "pobj" and args.found.at(p) is None for a in args.prep_objects(p, {"at"})
                   if a.mention.type not in ("Person", "Place", "State")]
    if not others and "poss" in trig.slots and noun.dep_ == "compound" and args.found.at(noun.head) is not None:
        others += [a for c in noun.head.children if c.dep_ == "poss" and c.i < noun.i for a in args.actors(c)]
    siblings = [c for c in noun.head.children if c.dep_ == "compound" and c.i < noun.i] \
        if noun.dep_ == "compound" else []  # "Kennedy assassin Lee Oswald": both compounds of the name
    for child in _left_modifiers(noun) + siblings:
        compound = "compound" in trig.slots or "compound-org" in trig.slots
        if compound:
            mention = args.found.at(child)
            state_ok = "compound" in trig.slots or mention is None or mention.type not in ("State", "Place")
            if mention is not None and mention.type != "Person" and state_ok:
                others.append(Actor(mention))
    if not others and trig.kind in SYMMETRIC:
        between = args.prep_objects(noun, {"between", "among"})  # "cooperation between X and Y"
        if len(between) > 1:
            holders = between
        if len(holders) > 1:  # "X and Y signed an agreement"
            yield from _pairs(holders, trig, noun, trig.confidence)
            return
    if not others and trig.kind == "OPPOSES" and not holders:  # "tensions between X and Y": each against the other
        between = args.prep_objects(noun, {"between"})
        for i, a in enumerate(between):
            for b in between[i + 1 :]:
                yield from emit([a], [b], "OPPOSES", False, noun, trig.confidence - 0.1, "noun-between")
                yield from emit([b], [a], "OPPOSES", False, noun, trig.confidence - 0.1, "noun-between")
    if trig.kind == "MEMBER_OF" and not holders:  # "former president of Venezuela Hugo Chavez"
        holders, others = _title_of_country(noun, others, args)
    if trig.kind == "MEMBER_OF" and not holders:  # "the head of the IAEA, Rafael Grossi,": the parser hangs the
        holders = [a for o in others for c in noun.doc[o.mention.tok_start : o.mention.tok_end].root.children
                   if c.dep_ == "appos" for a in args.actors(c) if a.mention.type == "Person"]  # name on the body
    act = trig.kind not in ("MEMBER_OF", "OPERATES_IN") and noun.lemma_.lower() not in args.lex.relational
    if not holders and act and not ({"compound", "compound-org"} & set(trig.slots)):
        holders = _doer(noun, others, args)  # "the Russian invasion of Ukraine", "Palestinian riots against X"
    role = _role(noun) if trig.kind == "MEMBER_OF" else None
    yield from emit(holders, others, _tie_kind(noun, trig, args.lex), trig.reverse, noun, trig.confidence, "noun",
                    role=role)


def _tie_kind(noun: Token, trig: Trigger, lex: Lexicon) -> str:
    """'economic ties' are trade, 'security ties' cooperation; a tie noun's modifier names its kind, and ties
    that someone builds ('improve ties with X', 'deepen relations with X') are cooperation."""
    if noun.lemma_.lower() not in lex.frames["tie_nouns"] and noun.lower_ not in lex.frames["tie_nouns"]:
        return trig.kind
    built = noun.dep_ == "dobj" and noun.head.lemma_.lower() in lex.frames["relation_building"]
    for child in noun.children:
        if child.dep_ in ("amod", "compound", "conj") and child.i < noun.i:
            for word in [child, *child.conjuncts]:
                kind = lex.tie_kinds.get(word.lemma_.lower())
                if kind:
                    return kind
    return "COOPERATES_WITH" if built and trig.kind == "ASSOCIATED_WITH" else trig.kind


def _doer(noun: Token, others: list[Actor], args: Arguments) -> list[Actor]:
    """Who does what an act noun names, read from the named modifier in front of it."""
    taken = {o.mention.key for o in others}
    for child in sorted(noun.children, key=lambda c: -c.i):
        if child.i > noun.i or child.dep_ not in ("amod", "compound", "nmod"):
            continue
        mention = args.found.at(child)
        if mention is None or mention.key in taken or mention.type == "Place" or mention.tok_end > noun.i:
            continue
        if child.dep_ == "amod" and mention.type != "State":
            continue
        return [Actor(mention, 0.1)]
    return []


def _left_modifiers(noun: Token) -> list[Token]:
    """Compound and adjective modifiers before a noun, through compound chains ('U.S. Attorney General')."""
    out = []
    stack = [c for c in noun.children if c.dep_ in ("compound", "nmod", "amod") and c.i < noun.i]
    while stack:
        child = stack.pop()
        out.append(child)
        stack.extend(c for c in child.children if c.dep_ in ("compound", "nmod", "amod") and c.i < child.i)
    return out


def _title_of_country(noun: Token, others: list[Actor], args: Arguments) -> tuple[list[Actor], list[Actor]]:
    people = [o for o in others if o.mention.type == "Person"]
    if len(people) != 1:
        return [], others
    doc = noun.doc
    before = people[0].mention.tok_start - 1
    state = args.found.at(doc[before]) if before >= 0 else None
    if state is None or state.type != "State":
        return [], others
    return people, [Actor(state)]


def _noun_holders(noun: Token, trig: Trigger, args: Arguments) -> list[Actor]:
    head = noun.head
    dep = noun.dep_
    if dep == "conj":  # "a member and leader of X": read the first conjunct's place in the clause
        first = noun
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        head, dep = first.head, first.dep_
    if dep in ("attr", "acomp", "oprd") and head.lemma_.lower() in COPULAS:
        return args.subjects(head)
    if dep == "appos":  # "X and Y, the mayor of Z": the appositive names X alone
        return args._one(head, 0)
    if dep in ("compound", "nmod") and args.found.at(head) is not None:
        return args._one(head, 0)  # "US Secretary of State Kerry and UN Secretary General Ban": Kerry alone
    if dep == "pobj" and head.lower_ == "as" and head.head.pos_ in ("VERB", "AUX"):
        verb = head.head  # "identified X as a member of Y": X; "X served as a member of Y": X too
        named = args.passive_subjects(verb) if is_passive(verb) else args.direct_objects(verb)
        return named or args.subjects(verb)
    if dep == "pobj" and head.lower_ == "as" and args.found.at(head.head) is not None:  # "X, as president of Y"
        return args.actors(head.head)
    for child in noun.children:
        if child.dep_ == "appos":
            got = args.actors(child)
            if got:
                return got
    renamed = _named_after_comma(noun, args)  # "Kennedy's assassin, Lee Harvey Oswald" parsed without apposition
    if renamed:
        return renamed
    poss = [c for c in noun.children if c.dep_ == "poss"]
    if poss and "poss" not in trig.slots:
        if poss[0].tag_ == "PRP$" and dep == "dobj" and head.pos_ in ("VERB", "AUX"):
            subjects = args.subjects(head)  # "X expanded its influence": its is X, the clause's own subject
            if subjects:
                return subjects
        return args.actors(poss[0])
    agents = args.prep_objects(noun, {"by"})  # "the assassination of X by Y"
    if agents:
        return agents
    if dep == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "ADJ"):
        governor = head.head  # "Y was convicted of the murder of X", "suspected of the killing of X"
        if governor.lemma_.lower() in ACCUSERS:
            return args.passive_subjects(governor) if is_passive(governor) or governor.tag_ == "VBN" \
                else args.direct_objects(governor) or args.subjects(governor)
    if dep == "dobj" and (head.lemma_.lower() in LIGHT_VERBS
                          or head.lemma_.lower() in args.lex.frames["relation_building"]):
        return args.subjects(head)
    if dep == "pobj" and head.lower_ in ("in", "for", "as") and head.head.pos_ == "VERB" \
            and noun.lemma_.lower() not in args.lex.relational:  # "X went on strike in protest of Y"
        return [Actor(a.mention, a.penalty + 0.15) for a in args.subjects(head.head)]
    if dep == "pobj" and head.head.pos_ == "NOUN" and args.found.at(head.head) is not None:
        return args.actors(head.head)  # "Maduro, as leader of ..." and "X, a member of Y" shapes
    return []


def _named_after_comma(noun: Token, args: Arguments) -> list[Actor]:
    """'Kennedy's assassin, Lee Oswald', 'Italy's prime minister at the time, Silvio Berlusconi'."""
    doc = noun.doc
    last = noun.right_edge.i
    if any(c.i > noun.i and c.dep_ != "prep" for c in noun.children) or any(
            args.found.at(t) is not None for t in doc[noun.i + 1 : last + 1]):
        return []
    if last + 2 >= len(doc) or doc[last + 1].text != ",":
        return []
    mention = args.found.at(doc[last + 2])
    if mention is None or mention.type != "Person" or mention.tok_start != last + 2:
        return []
    end = mention.tok_end
    if end < len(doc) and doc[end].text not in (",", ".", ";", ")"):
        return []
    return [Actor(mention, 0.1)]


def _role(noun: Token) -> str:
    words = [c.lower_ for c in noun.lefts if c.dep_ in ("compound", "amod") and c.lower_ in (
        "vice", "prime", "foreign", "defense", "deputy", "chief", "executive", "acting", "former", "senior")]
    return " ".join([*words, noun.lower_])


# --- adjectives ---------------------------------------------------------------------------------------------


def _adjective(adj: Token, trig: Trigger, args: Arguments) -> Iterator[Found]:
    preps = {s.split(":", 1)[1] for s in trig.slots if s.startswith("prep:")}
    others = args.prep_objects(adj, preps)
    if not others and adj.dep_ == "acomp":  # "X was present in Y": the parser hangs "in" on the copula
        others = args.prep_objects(adj.head, preps)
    if not others:
        return
    holders = _described(adj, args)
    yield from emit(holders, others, trig.kind, trig.reverse, adj, trig.confidence, "adjective")


def _described(adj: Token, args: Arguments) -> list[Actor]:
    """Who an adjective describes: the noun it modifies, or the subject of its copula."""
    head = adj.head
    if adj.dep_ in ("acomp", "attr", "oprd") or head.lemma_.lower() in COPULAS:
        return args.subjects(head)
    if adj.dep_ in ("amod", "compound", "nmod") and head.pos_ in ("NOUN", "PROPN"):
        return args.actors(head)
    if adj.dep_ == "conj":
        return _described(head, args)
    return []


# --- demands: "X said that Y must withdraw" ----------------------------------------------------------------------

MODALS = {"must", "should"}


def _demands(sent: Span, args: Arguments, lex: Lexicon) -> Iterator[Found]:
    """A speaker saying another actor must or should act makes a demand on it (pressure: OPPOSES)."""
    verbs = lex.cues["attribution_verbs"]
    for modal in args.tokens(sent):
        if modal.lower_ not in MODALS or modal.dep_ != "aux":
            continue
        clause = modal.head
        if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in verbs:
            continue
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and any(t.lower_ in ("we", "our", "us") for t in subject.subtree):
            continue  # "the U.S. and our allies must ...": the speaker's own side, no pressure on another
        targets = args.subjects(clause)
        speakers = args.subjects(clause.head)
        yield from emit(speakers, targets, "OPPOSES", False, modal, 0.4, "demand")


# --- affixes: "pro-Russian", "Iran-backed", "Russia-loyal" ------------------------------------------------------


def _affixes(sent: Span, args: Arguments, lex: Lexicon) -> Iterator[Found]:
    doc = sent.doc
    for mention in [m for m in args.found.items if sent.start <= m.tok_start and m.tok_end <= sent.end]:
        s, e = mention.tok_start, mention.tok_end
        hits = []
        if s >= 2 and doc[s - 1].text == "-" and doc[s - 1].whitespace_ == "":
            prefix = doc[s - 2].lower_ + "-"
            if prefix in lex.affixes:
                hits.append((lex.affixes[prefix], doc[s - 2], doc[e - 1]))
        if e + 1 < len(doc) and doc[e].text == "-" and mention.text[-1:].isalpha():
            suffix = "-" + doc[e + 1].lower_
            if suffix in lex.affixes:
                hits.append((lex.affixes[suffix], doc[e + 1], doc[e + 1]))
        for (kind, reverse, conf), trigger, last in hits:
            holders = affix_holders(last, trigger, args, sent)
            holders = [h for h in holders if not (h.mention.tok_start <= last.i < h.mention.tok_end)]
            named = Actor(mention)
            yield from emit(holders, [named], kind, reverse, trigger, conf, "affix")


def affix_holders(last: Token, trigger: Token, args: Arguments, sent: Span) -> list[Actor]:
    """The actors an affix word describes: a parenthesised list after it, else the noun or subject."""
    listed = args.bracketed(last)
    if listed:
        return listed
    token = last
    while token.dep_ in ("amod", "compound", "nmod", "punct", "advmod", "npadvmod") and token.head.i != token.i:
        head = token.head
        if head.pos_ in ("NOUN", "PROPN") and head.i > last.i:
            found = args._one(head, 0)  # the adjective describes its own noun, not the nouns coordinated with it
            if not found and head.dep_ == "compound" and args.found.at(head.head) is not None:
                found = args._one(head.head, 0)  # "Berlin-based watchdog Transparency International"
            return found
        if head.pos_ not in ("ADJ", "PUNCT", "NOUN", "PROPN", "ADV"):
            break
        token = head
    if token.dep_ in ("acomp", "attr", "oprd", "conj"):
        verb = token.head
        while verb.dep_ == "conj" and verb.pos_ != "VERB" and verb.pos_ != "AUX":
            verb = verb.head
        return args.subjects(verb)
    return []


# --- titles: "Venezuelan Vice President X", "President Putin" ----------------------------------------------


def _titles(sent: Span, args: Arguments, lex: Lexicon) -> Iterator[Found]:
    doc = sent.doc
    for mention in [m for m in args.found.items if m.type == "Person" and sent.start <= m.tok_start < sent.end]:
        words: list[str] = []
        i = mention.tok_start - 1
        while i >= sent.start and (doc[i].lower_.rstrip(".") in lex.titles or doc[i].lower_ in ("vice", "of")):
            words.insert(0, doc[i].lower_.rstrip("."))
            i -= 1
        title = " ".join(w for w in words if w not in ("former", "then", "acting", "mr", "mrs", "ms", "dr"))
        if title not in OFFICES or not mention.country:
            continue
        if i >= sent.start and args.found.at(doc[i]) is not None:
            continue  # "Venezuelan Vice President X": the noun pattern reads the named state
        state = lex.actors.get(f"phx:{mention.country}")
        if state is None or state.type != "State":
            continue
        target = Mention(start=mention.start, end=mention.end, text=state.name, type="State", name=state.name,
                         key=state.key, country=state.country, label="title", tok_start=-1, tok_end=-1)
        yield Found(mention, "MEMBER_OF", target, doc[i + 1], 0.6, "title", role=title)


# --- modifiers: "German carmaker BMW", "the Russian Foreign Ministry", "Bayern's Kahn", "Ferraro of Bethany" ------


def _modifiers(sent: Span, args: Arguments) -> Iterator[Found]:
    doc = sent.doc
    for mention in [m for m in args.found.items if sent.start <= m.tok_start < sent.end]:
        if mention.type in ("Place", "State") or mention.label == "collective":
            continue
        root = doc[mention.tok_start : mention.tok_end].root  # "DIHK Chambers of Commerce": Chambers
        if mention.label == "demonym" and mention.type == "Agency":  # "Russian security services"
            state = args.found.at(doc[mention.tok_start])
            yield from _state_of(mention, doc[mention.tok_start], args, "MEMBER_OF")
            if state is not None:
                continue
        if mention.type == "Person":
            yield from _organisation_role(mention, root, args)
        for child in _np_modifiers(root, mention):
            other = args.found.at(child)
            if other is None or other is mention or other.key == mention.key:
                continue
            if other.type in ("State", "Place"):
                kind = "MEMBER_OF" if mention.type in ("Agency", "Person") and other.type == "State" else "OPERATES_IN"
                if mention.type == "Person" and other.type == "Place" and child.dep_ != "poss" \
                        and child.head.pos_ == "NOUN" and child.head.i < mention.tok_start:
                    yield Found(mention, "OPERATES_IN", other, child, 0.5, "modifier")  # "Atlanta businessman X"
                    continue
                if mention.type == "Person" and child.dep_ != "poss":
                    continue  # "Russian economist X" is a nationality, not a claim; titles are read elsewhere
                yield Found(mention, kind, other, child, 0.6, "modifier")
                if kind == "MEMBER_OF" and mention.type == "Agency":  # "the German Bundestag" sits in Germany too
                    yield Found(mention, "OPERATES_IN", other, child, 0.5, "modifier")
            elif mention.type == "Person" and child.dep_ == "poss" and other.type != "Person":
                yield Found(mention, "MEMBER_OF", other, child, 0.6, "modifier")
            elif child.dep_ == "poss" and other.type in ("Bloc", "Company", "Agency", "Party") \
                    and mention.type in ("Agency", "Company", "Media", "Bloc"):
                yield Found(mention, "MEMBER_OF", other, child, 0.5, "modifier")  # "the EU's Investment Bank"
        if mention.type == "Person" and root.dep_ == "poss":  # "Hernandez Galicia's union"
            owner_of = args.found.at(root.head)
            if owner_of is not None and owner_of.type not in ("Person", "Place", "State"):
                yield Found(mention, "MEMBER_OF", owner_of, root, 0.45, "modifier")
        yield from _person_prep(mention, root, args)
        yield from _born(mention, root, args)
        yield from _party_in_brackets(mention, doc, args)
        if mention.type != "Person":
            yield from _organisation_of(mention, root, args)
        # a known actor's country is already an attribute of it; a name read again in every document that
        # mentions it would count as corroboration for a tie nobody stated
        named_org = mention.type in ("Company", "Party", "Media") or (
            mention.type == "Group" and root.lemma_.lower() in ORG_NOUNS)  # "Lithuanian Gay League"
        if named_org and mention.label not in ("demonym", "gazetteer"):
            yield from _named_nationality(mention, doc, args)
        if mention.type != "Person":
            yield from _described_as(mention, root, args)


def _named_nationality(mention: Mention, doc: Doc, args: Arguments) -> Iterator[Found]:
    """'China National Radio', 'the Democratic Green Party of Rwanda': a name that opens with a country's name,
    or ends with 'of' one, is based there. Called only for organisations the gazetteer does not know."""
    words = doc[mention.tok_start : mention.tok_end]
    if len(words) >= 3 and words[-2].lower_ == "of" and not any(t.pos_ in ("VERB", "AUX") for t in words):
        last = words[-1]  # "Democratic Green Party of Rwanda": based there
        key = args.lex.aliases.get(alias_key(last.text))
        state = args.lex.actors.get(key) if key else None
        if state is not None and state.type == "State":
            target = replace(mention, text=last.text, type="State", name=state.name, key=state.key,
                             country=state.country, label="demonym", start=last.idx,
                             end=last.idx + len(last.text), tok_start=last.i, tok_end=last.i + 1)
            yield Found(mention, "OPERATES_IN", target, last, 0.5, "name")
        return
    if len(words) < 2 or any(t.pos_ in ("VERB", "AUX") or t.lower_ in ("of", "in") for t in words):
        return  # one word, a headline the NER took for a name, or "American University of Beirut"
    first = doc[mention.tok_start]
    key = args.lex.aliases.get(alias_key(first.text))
    state = args.lex.actors.get(key) if key else None
    if state is None or state.type != "State":
        return
    target = replace(mention, text=first.text, type="State", name=state.name, key=state.key, country=state.country,
                     label="demonym", end=mention.start + len(first.text), tok_end=mention.tok_start + 1)
    yield Found(mention, "OPERATES_IN", target, first, 0.45, "name")


def _described_as(mention: Mention, root: Token, args: Arguments) -> Iterator[Found]:
    """'Tabcorp, Australia's largest bookmaker': a descriptor set beside a name, owned by a country."""
    for noun in (c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"):
        for child in noun.children:
            other = args.found.at(child)
            if child.dep_ == "poss" and child.i < noun.i and other is not None and other.type in ("State", "Place"):
                yield Found(mention, "OPERATES_IN", other, child, 0.55, "descriptor")


def _born(mention: Mention, root: Token, args: Arguments) -> Iterator[Found]:
    """'Illinois-born Charlton Heston', 'the Texas born singer X': born there."""
    if mention.type != "Person":
        return
    descriptors = [root, *(c for c in root.children if c.dep_ == "compound" and c.i < mention.tok_start)]
    for born in (c for d in descriptors for c in d.children if c.lower_ == "born" and c.i < mention.tok_start):
        for child in born.children:
            place = args.found.at(child)
            if place is not None and place.type in ("Place", "State") and child.i < born.i:
                yield Found(mention, "OPERATES_IN", _the_city(place), born, 0.6, "born")
    first = root.doc[mention.tok_start]
    if first.i >= 2 and root.doc[first.i - 1].lower_ == "born":  # "Texas born Buddy Holly"
        place = args.found.at(root.doc[first.i - 2])
        if place is not None and place.type in ("Place", "State"):
            yield Found(mention, "OPERATES_IN", _the_city(place), root.doc[first.i - 1], 0.55, "born")


FOUNDING = {"found", "establish", "open", "register", "launch", "create", "set"}


def _founded_in(sent: Span, args: Arguments) -> Iterator[Found]:
    """'She founded her publishing house, Cassava Republic, in Abuja', 'X was established in Y': X is there."""
    for verb in args.tokens(sent):
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in FOUNDING:
            continue
        if verb.lemma_.lower() == "set" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
            continue
        made = args.passive_subjects(verb) if is_passive(verb) else args.direct_objects(verb)
        places = [p for p in args.prep_objects(verb, {"in"}) if p.mention.type in ("Place", "State")]
        for org in made:
            if org.mention.type in ("Person", "Place", "State"):
                continue
            for place in places:
                yield Found(org.mention, "OPERATES_IN", _the_city(place.mention), verb, 0.55, "founded-in")


def _native(sent: Span, args: Arguments) -> Iterator[Found]:
    """'in his native South Carolina', 'her home state of Ohio': the possessor's home."""
    doc = sent.doc
    for place in [m for m in args.found.items if m.type in ("Place", "State") and sent.start <= m.tok_start < sent.end]:
        root = doc[place.tok_start : place.tok_end].root
        if not any(c.dep_ == "amod" and c.lower_ in ("native", "home") for c in root.children):
            continue
        for poss in (c for c in root.children if c.dep_ == "poss"):
            for owner in args.actors(poss):
                if owner.mention.type == "Person":
                    yield Found(owner.mention, "OPERATES_IN", place, poss, round(0.65 - owner.penalty, 3), "native")


def _party_in_brackets(mention: Mention, doc: Doc, args: Arguments) -> Iterator[Found]:
    """'Michael Mueller (SPD)', 'Petra Pau (of the Left Party)': a person's party after the name."""
    i = mention.tok_end
    if mention.type != "Person" or i + 2 >= len(doc) or doc[i].text != "(":
        return
    j = i + 1
    while j < len(doc) and doc[j].lower_ in ("of", "the"):
        j += 1
    party = args.found.at(doc[j]) if j < len(doc) else None
    if party is None or party.type not in ("Party", "Group", "Agency", "Bloc") or party.tok_start != j:
        return
    if party.tok_end < len(doc) and doc[party.tok_end].text == ")":
        yield Found(mention, "MEMBER_OF", party, doc[j], 0.55, "brackets")


def _organisation_role(mention: Mention, root: Token, args: Arguments) -> Iterator[Found]:
    """'NFL placekicker Mark Moseley', 'Hamas spokesman X': an organisation, a role noun, a name."""
    for child in root.children:
        if child.dep_ != "compound" or child.i >= mention.tok_start:
            continue
        if child.pos_ != "NOUN" and not (child.pos_ == "PROPN" and child.lower_ in args.lex.titles):
            continue  # "NFL placekicker X", "Spicejet Chairman X"
        for modifier in _left_modifiers(child):
            org = args.found.at(modifier)
            if org is not None and org.type not in ("Person", "Place", "State"):
                yield Found(mention, "MEMBER_OF", org, child, 0.55, "organisation-role", role=child.lower_)
                return
    # "X, acting comptroller at the University": a role noun with "at" an organisation
    for noun in [c for c in root.children if c.dep_ == "appos"] + (
            [root.head] if root.dep_ == "nsubj" and root.head.lemma_ == "be" else []):
        targets = [noun] if noun.pos_ == "NOUN" else [c for c in noun.children if c.dep_ == "attr"]
        for target in targets:
            if target.lemma_.lower() in args.relation_nouns:
                continue
            # "professor of economics at the University", "a scientist with the Center", "columnist for AP"
            places = [target, *(p for c in target.children if c.dep_ == "prep" and c.lower_ == "of"
                                for p in c.children if p.dep_ == "pobj" and args.found.at(p) is None)]
            for actor in (a for t in places for a in args.prep_objects(t, {"at", "with", "for"})):
                if actor.mention.type not in ("Person", "Place", "State"):
                    yield Found(mention, "MEMBER_OF", actor.mention, target, 0.5, "organisation-role",
                                role=target.lower_)


def _np_modifiers(root: Token, mention: Mention) -> list[Token]:
    """Modifiers in front of a name, directly or through a descriptor ('German carmaker BMW'), or of a
    generic noun the name qualifies ("Pakistan's Inter-Services Intelligence agency")."""
    out = []
    heads = [root]
    if root.dep_ == "compound" and root.head.i == mention.tok_end and root.head.lemma_.lower() in ORG_NOUNS:
        heads.append(root.head)
    for child in (c for h in heads for c in h.children):
        if child.i >= mention.tok_start or child.dep_ not in ("compound", "amod", "nmod", "poss"):
            continue
        out.append(child)
        if child.pos_ == "NOUN":  # the descriptor's own modifiers
            out.extend(c for c in child.children if c.dep_ in ("compound", "amod", "nmod", "poss") and c.i < child.i)
    return out


def _state_of(mention: Mention, token: Token, args: Arguments, kind: str) -> Iterator[Found]:
    country = mention.country
    if not country:
        return
    actor = args.lex.actors.get(f"phx:{country}")
    if actor is None or actor.type != "State":
        return
    target = Mention(start=token.idx, end=token.idx + len(token.text), text=token.text, type="State",
                     name=actor.name, key=actor.key, country=country, label="demonym",
                     tok_start=token.i, tok_end=token.i + 1)
    yield Found(mention, kind, target, token, 0.6, "demonym")


def _organisation_of(mention: Mention, root: Token, args: Arguments) -> Iterator[Found]:
    """'Botas of Turkey', 'OMV of Austria', 'the Institute in Tel Aviv': an organisation of a place is based there."""
    words = root.doc[mention.tok_start : mention.tok_end]
    named = not any(t.pos_ in ("VERB", "AUX") for t in words)
    # "in Freiburg" may hang on the name's last word ("the Center for European Policy in Freiburg")
    inner = [c for t in words for c in t.children if t.i != root.i and c.i == mention.tok_end]
    for prep in inner + list(root.children):
        if prep.dep_ == "prep" and prep.lower_ == "in" and prep.i == mention.tok_end and named:
            for actor in args.prep_objects(prep.head, {"in"}):
                place = actor.mention
                if _language(place, root.doc) or not place.text[:1].isupper():
                    continue  # "Radio Reloj in Spanish": a language, not a place
                if place.type in ("State", "Place") and place.key != mention.key:
                    yield Found(mention, "OPERATES_IN", _the_city(place), prep, 0.5, "organisation-in")
        if prep.dep_ == "prep" and prep.lower_ == "of" and mention.type != "Agency":  # "Southern District of NY"
            for pobj in prep.children:                                                    # is one name
                other = args.found.at(pobj) if pobj.dep_ == "pobj" else None
                if other is not None and other.type in ("State", "Place") and other.key != mention.key:
                    yield Found(mention, "OPERATES_IN", other, prep, 0.55, "organisation-of")


def _person_prep(mention: Mention, root: Token, args: Arguments) -> Iterator[Found]:
    """'Brian Michaud of Millinocket' (residence) and 'Wang Ziqiang at the Institute' (affiliation)."""
    if mention.type != "Person":
        return
    heads = [root]
    heads += [c for c in root.children if c.dep_ in ("appos", "npadvmod", "amod") and c.pos_ == "NUM"]
    for appos in (c for c in root.children if c.dep_ == "appos" and args.found.at(c) is None):
        for actor in args.prep_objects(appos, {"from"}):  # "Derwinski, a Republican from Chicago"
            if actor.mention.type in ("Place", "State"):
                yield Found(mention, "OPERATES_IN", actor.mention, appos, 0.5, "person-prep")
        for child in _left_modifiers(appos):  # "Bakst, a West Palm Beach lawyer" (a town; a country is nationality)
            place = args.found.at(child)
            if place is not None and place.type == "Place" and child.dep_ != "poss":
                yield Found(mention, "OPERATES_IN", place, appos, 0.5, "person-prep")
    for head in heads:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "at", "from"):
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                for actor in args.actors(pobj):
                    other = actor.mention
                    if other.type in ("Place", "State") and prep.lower_ in ("of", "from"):
                        yield Found(mention, "OPERATES_IN", other, prep, 0.6, "person-prep")
                    elif other.type not in ("Place", "State", "Person") and prep.lower_ in ("at", "of"):
                        yield Found(mention, "MEMBER_OF", other, prep, 0.55, "person-prep")
