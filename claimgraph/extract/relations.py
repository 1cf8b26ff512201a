"""Dependency patterns that read relations between actors from trigger words: verbs, transfers, affixes and
demands here; relation nouns and adjectives in nouns.py; titles and descriptions of named actors in roles.py."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Span, Token

from claimgraph.extract.arguments import Actor, Arguments, is_passive
from claimgraph.extract.found import Found, emit, pairs
from claimgraph.extract.nominal import undoing_stance
from claimgraph.extract.nouns import adjective, noun
from claimgraph.extract.roles import founded_in, modifiers, native, titles
from claimgraph.extract.words import QUANTITY, goods_kind, hostile_act, light_verb
from claimgraph.lexicon import Lexicon, Trigger, jointly
from claimgraph.lexicon import against as against_trigger
from claimgraph.model import SYMMETRIC


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
            if child.dep_ == "dobj" and child.pos_ != "PROPN":  # "formed an alliance"; not "formed the Alliance
                # of Sahel States", a name
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
    if not found and pos == "noun" and token.pos_ == "NOUN" and any(
            c.dep_ == "amod" and c.lower_ in lex.frames["joint_adjectives"] for c in token.children):
        return (jointly(lemma),)  # "X and Y held joint exercises", "a bilateral agreement with Y"
    if not found and pos == "verb" and lemma not in lex.frames["against_excluded"] and any(
            c.dep_ == "prep" and c.lower_ == "against" for c in token.children):
        return (against_trigger(lemma),)  # "turned against X", "testified against X"
    if not found and pos == "noun" and token.pos_ == "NOUN" and lemma not in lex.frames["against_nouns_excluded"] \
            and any(c.dep_ == "prep" and c.lower_ == "against" for c in token.children):
        return (against_trigger(lemma, "noun"),)  # "Kenya's operation against X", "the case against X"
    return found


def relations(sent: Span, args: Arguments, lex: Lexicon) -> Iterator[Found]:
    for token in args.tokens(sent):
        triggers = trigger_of(token, lex)
        light = light_verb(token) and any(
            c.dep_ == "dobj" and c.lemma_.lower() in lex.relation_nouns for c in token.children)
        for trig in triggers:
            if trig.pos == "verb" and light and trig.lemma == token.lemma_.lower():
                continue  # "held a summit with X": the noun carries the tie, "hold" is no detention here
            if trig.pos == "verb":
                yield from _verb(token, trig, args)
            elif trig.pos == "noun":
                yield from noun(token, trig, args)
            else:
                yield from adjective(token, trig, args)
        if not triggers and token.pos_ == "VERB" and token.lemma_.lower() in lex.transfer_verbs:
            yield from _transfer(token, args, lex)
    yield from _affixes(sent, args, lex)
    yield from _demands(sent, args, lex)
    yield from titles(sent, args, lex)
    yield from modifiers(sent, args)
    yield from native(sent, args)
    yield from founded_in(sent, args)


# --- verbs ------------------------------------------------------------------------------------------------


def _verb(verb: Token, trig: Trigger, args: Arguments) -> Iterator[Found]:
    if trig.kind in SYMMETRIC and any(c.dep_ == "dobj" and c.lemma_.lower() in args.lex.frames["shared_features"]
                                      for c in verb.children):
        return  # "Chad shares a border with Sudan": neighbours, not partners
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
    if trig.kind in ("SUPPORTS", "COOPERATES_WITH"):  # "fight for independence from Serbia" backs no Serbia
        others = [o for o in others if not _apart_from(o, verb, args.lex)]
    if undoing_stance(verb, args.lex) is not None:  # "welcomed the closure of X": nominal.undoing reads it
        others = [o for o in others if not _undone(o, verb, args.lex)]
    if trig.kind == "COOPERATES_WITH" and verb.lemma_.lower() in args.lex.frames["interview_verbs"]:
        # "VOA spoke with X", "X told Reuters": a news outlet's interview is reporting, not a tie
        holders = [h for h in holders if h.mention.type != "Media"]
        others = [o for o in others if o.mention.type != "Media"]
    if trig.kind in ("CONTROLS", "MEMBER_OF"):  # "use the U.S. banking system" controls no state, "join EU
        # sanctions" joins no union: the thing used or joined must be the actor, not one named in a modifier of it
        others = [o for o in others if not _modifies_object(o, verb)]
    if trig.kind == "CONTROLS" and verb.lemma_.lower() in args.lex.frames["founding_verbs"] and all(
            h.mention.type == "State" for h in holders) and all(o.mention.type == "Bloc" for o in others):
        trig = replace(trig, kind="MEMBER_OF")  # "Mali and Niger formed the Alliance of Sahel States": members
    if trig.kind == "CONTROLS" and not passive:  # "X led a group of members of Congress": X is of Congress,
        part = [o for o in others if _through_part(o, verb)]  # he does not control it (_names_argument below
        yield from emit(holders, part, "MEMBER_OF", False, verb, conf - 0.15, "verb-part")  # drops it)
    if trig.kind == "CONTROLS":  # what is led, run or owned is the object itself: "led talks with Ukrainian
        others = [o for o in others if _names_argument(o, verb)]  # officials" controls no Ukraine
    if not others and (takes_dobj or " " in trig.lemma) and not passive and trig.kind in STANCES:
        others = _doers_of_object(verb, trig.kind, args)  # "condemned the sanctions imposed by Washington"
    if "ccomp" in trig.slots:  # "X demanded that Y cancel ...": Y
        others = others + [a for c in verb.children if c.dep_ == "ccomp" for a in args.subjects(c)]
    if "xcomp" in trig.slots:  # "X threatened to break relations with Y": Y
        for clause in (c for c in verb.children if c.dep_ == "xcomp"):
            if verb.lemma_.lower() in args.lex.cues["refusals"] and hostile_act(clause, args.lex):
                continue  # "refused to join sanctions against Russia" is no hostility to Russia
            others = others + args.direct_objects(clause) + args.prep_objects(clause, {"with", "against", "in", "on"})
    if "cond" in trig.slots:  # "X threatened to leave the talks if Y deployed missiles": Y
        clauses = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
        for clause in (c for v in clauses for c in v.children if c.dep_ == "advcl"):
            if any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in clause.children):
                others = others + [Actor(a.mention, a.penalty + 0.1) for a in args.subjects(clause)]
    if trig.kind == "OPPOSES" and verb.lemma_.lower() in args.lex.frames["reciprocal_verbs"]:
        partners = others or args.prep_objects(verb, {"with"})  # "X exchanged fire with Y", "X and Y clashed"
        if not passive and not partners:  # "X fought alongside Y": Y is X's ally (joint.py), not its enemy
            holders = args.subjects(verb, partners=False)
        sides = [(h, p) for h in holders for p in partners] if partners else \
            [(a, b) for i, a in enumerate(holders) for b in holders[i + 1 :]]
        for a, b in sides:
            yield from emit([a], [b], "OPPOSES", False, verb, conf, "reciprocal")
            yield from emit([b], [a], "OPPOSES", False, verb, conf, "reciprocal")
        return
    if not others and trig.kind in SYMMETRIC and len(holders) > 1 and trig.source == "general":
        yield from pairs(holders, trig, verb, conf)  # "X and Y cooperate"; not "X and Y attended the summit"
        return
    pattern = "verb" if trig.source == "general" else f"verb:{trig.source}"  # "verb:cameo:111"
    yield from emit(holders, others, trig.kind, trig.reverse, verb, conf, pattern)


def _apart_from(actor: Actor, verb: Token, lex: Lexicon) -> bool:
    """The actor is what a separation noun is apart from ('independence from Serbia', 'withdrawal from NATO')."""
    token = verb.doc[actor.mention.tok_end - 1]
    while token.dep_ in ("compound", "flat", "amod") and token.head.i != token.i:
        token = token.head
    prep = token.head
    return token.dep_ == "pobj" and prep.lower_ == "from" and prep.head.lemma_.lower() in lex.frames["separation_nouns"]


def _undone(actor: Actor, verb: Token, lex: Lexicon) -> bool:
    """The actor is what the verb's object, an undoing noun, was done to ('the arrest of X', "X's ouster")."""
    for obj in verb.children:
        if obj.dep_ != "dobj" or obj.lemma_.lower() not in lex.frames["undoing_nouns"]:
            continue
        for child in obj.children:  # "X's ouster", "the arrest of X" (not "... by X": the doer)
            inside = child.left_edge.i <= actor.mention.tok_start and actor.mention.tok_end - 1 <= child.right_edge.i
            if inside and (child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ == "of")):
                return True
    return False


def _modifies_object(actor: Actor, verb: Token) -> bool:
    """The actor is named in front of the verb's object noun, which is not itself a name ('the U.S. banking system')."""
    return any(obj.dep_ == "dobj" and obj.left_edge.i <= actor.mention.tok_start and actor.mention.tok_end <= obj.i
               for obj in verb.children)


def _names_argument(actor: Actor, verb: Token) -> bool:
    """The actor is the verb's object (or passive subject) itself, one joined to it, or one in apposition to it;
    not an actor named inside a noun phrase about something else."""
    first = verb
    while first.dep_ == "conj" and first.head.i != first.i:  # "created and led by X": the first verb's arguments
        first = first.head
    heads = [c for v in {verb, first} for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
    if first.dep_ in ("acl", "relcl"):  # "X, which is controlled by Y", "X, the group led by Y"
        heads.append(first.head)
    heads += [x for h in heads for x in (*h.conjuncts, *(c for c in h.children if c.dep_ == "appos"))]
    heads += [h.head for h in heads if h.dep_ == "appos"]
    doc = verb.doc  # "the Cartel of the Suns, the structure created by X": the name just before the comma
    starts = [min([h.i, *(c.i for c in h.children if c.dep_ in ("det", "amod", "compound", "nummod", "poss"))])
              for h in heads if h.pos_ == "NOUN"]
    heads += [doc[i - 2] for i in starts if i >= 2 and doc[i - 1].text == ","]
    return any(actor.mention.tok_start <= h.i < actor.mention.tok_end for h in heads)


def _through_part(actor: Actor, verb: Token) -> bool:
    """The actor is reached through a part or number of it ('a group of its members', 'a unit of the army'),
    not named as the verb's object itself."""
    return any(obj.dep_ == "dobj" and obj.lemma_.lower() in QUANTITY and not (
        actor.mention.tok_start <= obj.i < actor.mention.tok_end) and obj.i < actor.mention.tok_start
               for obj in verb.children)


STANCES = ("OPPOSES", "SUPPORTS")  # kinds whose verbs take a stand on an act as on whoever did it


def _doers_of_object(verb: Token, kind: str, args: Arguments) -> list[Actor]:
    """'condemned the sanctions imposed by Washington', 'welcomed the ceasefire brokered by Qatar': the object is an
    act, and a stand on it is a stand on whoever the participle's by-phrase names."""
    objects = [obj for obj in verb.children if obj.dep_ == "dobj" and args.found.at(obj) is None]
    by = [Actor(a.mention, a.penalty + 0.15) for obj in objects
          for clause in obj.children if clause.dep_ == "acl" and clause.tag_ == "VBN"
          for agent in clause.children if agent.dep_ == "agent"
          for pobj in agent.children if pobj.dep_ == "pobj" for a in args.actors(pobj)]
    # "condemned the deal between Pyongyang and Moscow": both parties to it (welcoming talks between X and Y
    # backs neither side)
    between = [Actor(a.mention, a.penalty + 0.15) for obj in objects if kind == "OPPOSES"
               and obj.lemma_.lower() in args.relation_nouns for a in args.prep_objects(obj, {"between"})]
    return by + (between if len(between) > 1 else [])


def _transfer(verb: Token, args: Arguments, lex: Lexicon) -> Iterator[Found]:
    """'sell weapons to X', 'provide X with money': the goods decide the kind."""
    goods = [c for c in verb.children if c.dep_ == "dobj"]
    incoming = lex.transfer_verbs.get(verb.lemma_.lower(), False)
    if incoming:  # "Hamas received money from Iran": Iran gives to Hamas
        receivers = args.prep_objects(verb, {"from"})
    else:
        receivers = args.prep_objects(verb, {"to", "for", "into"}) + [
            a for c in verb.children if c.dep_ == "dative" for a in args.actors(c)]
    kind = goods_kind(goods, lex)
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


# --- adjectives ---------------------------------------------------------------------------------------------


# --- demands: "X said that Y must withdraw" ----------------------------------------------------------------------

MODALS = {"must"}  # "should" advises: "X suggested the U.S. should use sanctions" puts no pressure on the U.S.
ADVISING = {"suggest", "recommend", "propose", "advise", "hope", "wish", "think", "believe", "argue", "feel"}


def _demands(sent: Span, args: Arguments, lex: Lexicon) -> Iterator[Found]:
    """A speaker saying another actor must or should act makes a demand on it (pressure: OPPOSES)."""
    verbs = lex.cues["attribution_verbs"]
    for modal in args.tokens(sent):
        if modal.lower_ not in MODALS or modal.dep_ != "aux":
            continue
        clause = modal.head
        if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in verbs or clause.head.lemma_.lower() in ADVISING:
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
    for mention in [m for m in args.found.starting_in(sent.start, sent.end) if m.tok_end <= sent.end]:
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


# --- modifiers: "German carmaker BMW", "the Russian Foreign Ministry", "Bayern's Kahn", "Ferraro of Bethany" ------


