"""Relation nouns and adjectives: 'ties with X', 'X's ally', 'funding of X', 'an associate of X', 'pro-X',
'close to X'. The holders are the noun's owner, modifier, or the clause's subject; the others its objects."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from claimgraph.extract.arguments import Actor, Arguments, is_passive
from claimgraph.extract.found import Found, emit, pairs
from claimgraph.extract.spans import after_title
from claimgraph.extract.words import ACCUSERS, COPULAS, QUANTITY, light_verb
from claimgraph.lexicon import Lexicon, Trigger
from claimgraph.model import SYMMETRIC


def noun(noun: Token, trig: Trigger, args: Arguments) -> Iterator[Found]:
    received = _received(noun, trig, args) or _thanked_for(noun, trig, args)
    if received:
        yield from received
        return
    holders = _noun_holders(noun, trig, args)
    others: list[Actor] = []
    preps = {s.split(":", 1)[1] for s in trig.slots if s.startswith("prep:")}
    others += args.prep_objects(noun, preps)
    governor = noun.head.lemma_.lower()
    if not others and preps and noun.dep_ == "dobj" and (light_verb(noun.head)
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
    for child in left_modifiers(noun) + siblings:
        compound = "compound" in trig.slots or "compound-org" in trig.slots
        if compound:
            mention = args.found.at(child)
            state_ok = "compound" in trig.slots or mention is None or mention.type not in ("State", "Place")
            beat = noun.lemma_.lower() in args.lex.frames["press_titles"] and mention is not None \
                and mention.type in ("Agency", "State")  # "VOA White House correspondent": a beat, not an employer
            if mention is not None and mention.type != "Person" and state_ok and not beat:
                others.append(Actor(mention))
    if not others and trig.kind in SYMMETRIC:
        between = args.prep_objects(noun, {"between", "among"})  # "cooperation between X and Y"
        if len(between) > 1:
            holders = between
        if len(holders) > 1:  # "X and Y signed an agreement"; "... deepened defense ties": of the modifier's kind
            yield from pairs(holders, replace(trig, kind=_tie_kind(noun, trig, args.lex)), noun, trig.confidence)
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


def _received(noun: Token, trig: Trigger, args: Arguments) -> list[Found]:
    """'X has the backing of Y', 'X won the support of Y', 'X received military aid from Y': Y gives, X receives.
    The noun is the object of a receiving verb and names no possessor ('its support of Y' is X's own act)."""
    verb = noun.head
    frames = args.lex.frames
    if trig.kind not in frames["receiving_kinds"] or noun.dep_ != "dobj" \
            or verb.lemma_.lower() not in frames["receiving_verbs"] \
            or any(c.dep_ == "poss" for c in noun.children):
        return []
    givers = args.prep_objects(noun, {"of", "from"}) or args.prep_objects(verb, {"from"})
    return _given(givers, args.subjects(verb), noun, trig, args)


def _thanked_for(noun: Token, trig: Trigger, args: Arguments) -> list[Found]:
    """'Maduro thanked Russia for its support', 'X praised Y for the aid': Y gave it, the subject received it."""
    frames = args.lex.frames
    prep = noun.head
    if trig.kind not in frames["receiving_kinds"] or noun.dep_ != "pobj" or prep.lower_ != "for" \
            or prep.head.lemma_.lower() not in frames["gratitude_verbs"]:
        return []
    return _given(args.direct_objects(prep.head), args.subjects(prep.head), noun, trig, args)


def _given(givers: list[Actor], receivers: list[Actor], noun: Token, trig: Trigger, args: Arguments) -> list[Found]:
    """The noun's tie from each giver to each receiver, of the kind its modifiers give it ('military aid')."""
    if not givers or not receivers:
        return []
    return list(emit(givers, receivers, _tie_kind(noun, trig, args.lex), False, noun, trig.confidence,
                     "noun-received"))


def _tie_kind(noun: Token, trig: Trigger, lex: Lexicon) -> str:
    """'economic ties' are trade, 'security ties' cooperation; a tie noun's modifier names its kind, and ties
    that someone builds ('improve ties with X', 'deepen relations with X') are cooperation."""
    if noun.lemma_.lower() in lex.frames["aid_nouns"] and trig.kind in lex.frames["receiving_kinds"]:
        for child in noun.children:  # "military aid" arms, "financial assistance" funds; other aid supports
            if child.dep_ in ("amod", "compound") and child.i < noun.i:
                kind = lex.aid_kinds.get(child.lemma_.lower()) or lex.aid_kinds.get(child.lower_)
                if kind:
                    return kind
        return trig.kind
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


def left_modifiers(noun: Token) -> list[Token]:
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


DASHES = ("--", "—", "–", ":")
ALSO_KNOWN = ("a/k/a", "aka", "alias")


def _listed_after_dash(noun: Token, args: Arguments) -> list[Actor]:
    """'four members of the FARC -- A, B a/k/a C, and D.': people listed after a dash or colon that closes the
    plural noun's phrase are its instances. Only a list of people to the end of the sentence (or a semicolon)."""
    doc = noun.doc
    i = noun.right_edge.i + 1
    if i >= len(doc) or doc[i].text not in DASHES:
        return []
    out: list[Actor] = []
    j, alias = i + 1, False
    while j < len(doc) and not doc[j].is_sent_start and doc[j].text not in (";", "."):
        token = doc[j]
        mention = args.found.at(token)
        if token.text in DASHES:
            break  # "-- A, B and C -- were arrested": the list closes
        if token.lower_ in ALSO_KNOWN or doc.text[token.idx : token.idx + 5].lower() == "a/k/a":
            alias = True  # "X a/k/a El Doctor": the nickname is X's, up to the next comma
        elif token.text == "," or token.lower_ in ("and", "&"):
            alias = alias and token.text != ","
        elif mention is not None and mention.type == "Person" and not alias:
            if not out or out[-1].mention is not mention:
                out.append(Actor(mention, 0.05))
        elif not alias and mention is None:
            return []  # a clause, not a list
        j = max(j + 1, mention.tok_end if mention is not None else j + 1)
    return out if len(out) >= 2 else []


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
    if dep == "pobj" and head.lower_ in ("of", "among"):  # "X is one of Y's allies", "X is among Y's allies"
        part = head.head if head.lower_ == "of" else head
        if part.lower_ == "among" or (part.lemma_.lower() in QUANTITY or part.pos_ == "NUM"):
            clause = part.head if part.dep_ in ("attr", "prep") else None
            if clause is not None and clause.lemma_.lower() in COPULAS:
                return args.subjects(clause)
    if dep == "appos":  # "X and Y, the mayor of Z": the appositive names X alone
        left = noun.doc[noun.left_edge.i - 1] if noun.left_edge.i > 0 else None
        conjoined = left is not None and left.dep_ == "cc" and left.head.pos_ == "NOUN"  # "a lawyer and founder of"
        if left is not None and not left.is_punct and not conjoined and noun.lemma_.lower() in args.lex.titles:
            return []  # "an interview with Interfax the chief of X": no comma, no apposition
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
            # "Attorney General X, ..., and Administrator Y": a later name with a title of its own holds that one
            got = [a for a in args.actors(child)
                   if a.mention.tok_start <= child.i or not after_title(a.mention, child.doc, args.lex.titles)]
            if got:
                return got
    renamed = _named_after_comma(noun, args)  # "Kennedy's assassin, Lee Harvey Oswald" parsed without apposition
    if renamed:
        return renamed
    listed = _listed_after_dash(noun, args) if noun.tag_ == "NNS" else []
    if listed:  # "four members of the FARC -- A, B, C and D"
        return listed
    poss = [c for c in noun.children if c.dep_ == "poss"]
    if poss and "poss" not in trig.slots and noun.lemma_.lower() not in args.lex.frames["other_side_nouns"]:
        if poss[0].tag_ == "PRP$" and dep == "dobj" and head.pos_ in ("VERB", "AUX"):
            subjects = args.subjects(head)  # "X expanded its influence": its is X, the clause's own subject
            if subjects:
                return subjects
        return args.actors(poss[0])
    agents = args.prep_objects(noun, {"by"})  # "the assassination of X by Y"
    if not agents:
        agents = _claimed_by(noun, args)
    if agents:
        return agents
    if dep == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "ADJ"):
        governor = head.head  # "Y was convicted of the murder of X", "suspected of the killing of X"
        if governor.lemma_.lower() in ACCUSERS:
            return args.passive_subjects(governor) if is_passive(governor) or governor.tag_ == "VBN" \
                else args.direct_objects(governor) or args.subjects(governor)
    if dep == "dobj" and (light_verb(head)
                          or head.lemma_.lower() in args.lex.frames["relation_building"]):
        if _caused_by_act(head, args):
            return []  # "China's bullying boosts support for Taiwan": the act wins Taiwan support, not China
        return args.subjects(head)
    if dep == "nsubjpass" and (light_verb(head) or head.lemma_.lower() in args.lex.frames["relation_building"]):
        return args.agents(head)  # "the deal was signed by X and Y"
    if dep == "pobj" and head.lower_ in ("in", "for", "as") and head.head.pos_ == "VERB" \
            and noun.lemma_.lower() not in args.lex.relational:  # "X went on strike in protest of Y"
        return [Actor(a.mention, a.penalty + 0.15) for a in args.subjects(head.head)]
    if dep == "pobj" and head.head.pos_ == "NOUN" and args.found.at(head.head) is not None:
        return args.actors(head.head)  # "Maduro, as leader of ..." and "X, a member of Y" shapes
    return []


def _caused_by_act(verb: Token, args: Arguments) -> bool:
    """The verb's subject is an act owned by an actor ('X's bullying', 'Russia's invasion'), not the actor."""
    return any(c.dep_ == "nsubj" and c.pos_ == "NOUN" and args.found.at(c) is None
               and c.lemma_.lower() not in QUANTITY and c.lemma_.lower() not in args.lex.heads
               and c.lower_ not in args.lex.heads
               and any(p.dep_ == "poss" and args.found.at(p) is not None for p in c.children)
               for c in verb.children)


def _claimed_by(noun: Token, args: Arguments) -> list[Actor]:
    """'X claimed responsibility for the attack on Y', 'X took credit for the bombing': the claimant did it."""
    frames = args.lex.frames
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for":
        return []
    claimed = prep.head
    if claimed.lemma_.lower() not in frames["responsibility_nouns"] or claimed.dep_ != "dobj" \
            or claimed.head.lemma_.lower() not in frames["responsibility_verbs"]:
        return []
    return args.subjects(claimed.head)


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


def adjective(adj: Token, trig: Trigger, args: Arguments) -> Iterator[Found]:
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
