"""ALLEGED claims: an actor accused of, involved in, or named for an activity (ONTOLOGY.md section 4)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from claimgraph.extract.arguments import Actor, Arguments, is_passive
from claimgraph.extract.found import Found
from claimgraph.extract.words import COPULAS, ORG_NOUNS, counted
from claimgraph.lexicon import Lexicon

AGENT_NOUNS = {"terrorist": "terrorism", "terror": "terrorism",
               "trafficker": "drug_trafficking", "narcotrafficker": "drug_trafficking",
               "narco-terrorist": "terrorism", "smuggler": "drug_trafficking", "launderer": "money_laundering"}


def activity_codes(token: Token, lex: Lexicon) -> list[str]:
    """Activities a noun phrase names: 'drug traffic', 'arms and drugs traffic', 'corruption'; a gerund with its
    object, or a noun with "of", names what the compound would ('smuggling cocaine', 'the smuggling of cocaine'
    = 'cocaine smuggling')."""
    gerund = token.tag_ == "VBG" or any(c.dep_ == "dobj" for c in token.children)  # the tagger may say NN
    heads = list(dict.fromkeys([token.lemma_.lower(), token.lower_] if gerund else [token.lemma_.lower()]))
    mods = []
    for child in token.children:
        if (child.dep_ in ("compound", "amod", "nmod") and child.i < token.i) or (gerund and child.dep_ == "dobj"):
            mods.append(child.lemma_.lower())
            mods.extend(c.lemma_.lower() for c in child.conjuncts)
        if child.dep_ == "prep" and child.lower_ == "of" and not gerund:  # "the smuggling of cocaine"
            mods.extend(g.lemma_.lower() for g in child.children if g.dep_ == "pobj")
    codes = [lex.activities[(m, h)] for h in heads for m in mods if (m, h) in lex.activities]
    head = heads[0]
    if not codes and ("*", head) in lex.activities:
        codes = [lex.activities[("*", head)]]
    if not codes and token.i > 0:  # "organized-crime connections": the modifier is the activity
        for child in token.children:
            if child.dep_ in ("compound", "amod", "nmod") and ("*", child.lower_) in lex.activities:
                codes.append(lex.activities[("*", child.lower_)])
    return list(dict.fromkeys(codes))


def alleged(sent: Span, args: Arguments, lex: Lexicon) -> Iterator[Found]:
    for token in args.tokens(sent):
        if token.pos_ == "VERB" and token.dep_ not in ("pcomp", "amod", "compound") and token.tag_ != "VBG":
            yield from _doing(token, args, lex)
            continue
        gerund = token.pos_ == "VERB" and token.dep_ == "pcomp"  # "accused of bribing officials"
        if (token.pos_ not in ("NOUN", "PROPN", "ADJ") and not gerund) or token.dep_ == "compound":
            continue
        codes = activity_codes(token, lex)
        if not codes:
            continue
        for actor, conf, trigger in _actors_for(token, args, lex):
            if actor.mention.tok_start <= token.i < actor.mention.tok_end:
                continue  # "drug traffickers" are not alleged to traffic drugs by their own name
            for code in codes:
                yield Found(actor.mention, "ALLEGED", None, trigger, round(conf - actor.penalty, 3), "activity",
                            activity=code)
    yield from _agent_nouns(sent, args)


def _doing(verb: Token, args: Arguments, lex: Lexicon) -> Iterator[Found]:
    """'The cartel smuggled fentanyl into the U.S.', 'tons of cocaine shipped by the cartel', 'the ELN kidnapped two
    engineers': a verb of the activity with what it moves; its doer is alleged the activity."""
    lemma = verb.lemma_.lower()
    passive = is_passive(verb)
    moved = [c for c in verb.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
    moved += [c for m in moved for c in m.conjuncts]
    things = moved + [counted(m) for m in moved]  # "tons of cocaine": what is counted
    codes = [lex.activities[(t.lemma_.lower(), lemma)] for t in things if (t.lemma_.lower(), lemma) in lex.activities]
    if lemma in lex.frames["doing_alone"] and ("*", lemma) in lex.activities:  # "kidnapped two engineers"
        codes.append(lex.activities[("*", lemma)])
    if not codes:
        return
    for actor in args.agents(verb) if passive else args.subjects(verb):
        for code in dict.fromkeys(codes):
            yield Found(actor.mention, "ALLEGED", None, verb, round(0.6 - actor.penalty, 3), "activity",
                        activity=code)


def _actors_for(token: Token, args: Arguments, lex: Lexicon) -> list[tuple[Actor, float, Token]]:
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    # "accused of X", "involved in X", "a role in X", "designated for X"
    if first.dep_ in ("pobj", "pcomp") and first.head.dep_ in ("prep", "agent"):
        prep = first.head
        governor = prep.head
        if governor.dep_ == "pcomp" or (governor.pos_ == "VERB" and governor.dep_ == "pcomp"):
            governor = governor
        entry = _accusation(governor, f"prep:{prep.lower_}", lex)
        if entry is None and governor.pos_ in ("NOUN", "PROPN") and governor.dep_ == "dobj":
            # "accused the Myanmar army of torture" parsed with "of" on "army": the verb's frame still holds
            verb = governor.head
            outer = _accusation(verb, f"prep:{prep.lower_}", lex)
            if outer is not None and outer[0] == "obj":  # not "plays a part in X": the noun is no actor
                return [(a, outer[1], verb) for a in _side(verb, outer[0], args)]
        if entry is not None:
            actor_side, conf = entry
            link = governor  # "sanctioned X for (playing) his role in Y": the verb's object plays the role
            if governor.pos_ == "NOUN" and governor.dep_ == "dobj" and governor.head.dep_ == "pcomp":
                link = governor.head
            if governor.pos_ == "NOUN" and link.dep_ in ("pobj", "pcomp") and link.head.dep_ == "prep":
                verb = link.head.head
                outer = _accusation(verb, f"prep:{link.head.lower_}", lex)
                if outer is not None:
                    return [(a, min(conf, outer[1]), verb) for a in _side(verb, outer[0], args)]
            return [(a, conf, governor) for a in _side(governor, actor_side, args)]
        return []
    if first.dep_ == "dobj":
        entry = _accusation(first.head, "dobj", lex)
        if entry is not None:
            return [(a, entry[1], first.head) for a in _side(first.head, entry[0], args)]
    if first.dep_ in ("attr",) and first.head.lemma_.lower() in COPULAS:  # "X is a terrorist organization"
        return [(a, 0.6, first) for a in args.subjects(first.head)]
    return []


def _accusation(governor: Token, slot: str, lex: Lexicon) -> tuple[str, float] | None:
    pos = {"VERB": "verb", "AUX": "verb", "NOUN": "noun", "ADJ": "adj"}.get(governor.pos_)
    if pos is None:
        return None
    entry = lex.accusations.get((governor.lemma_.lower(), pos))
    if entry is None and pos == "adj":
        entry = lex.accusations.get((governor.lemma_.lower(), "verb"))
    if entry is None or slot not in entry[0]:
        return None
    return entry[1], entry[2]


def _side(governor: Token, side: str, args: Arguments) -> list[Actor]:
    frames = args.lex.frames
    if governor.pos_ == "NOUN" and governor.lemma_.lower() in frames["charges_nouns"]:
        # "charges of drug trafficking against X", "X faces charges of Y", "X denied allegations of Y"
        accused = args.prep_objects(governor, {"against"}) or [  # or on the act: "charges of [X against Y]"
            a for c in governor.children if c.dep_ == "prep" and c.lower_ in ("of", "for")
            for act in c.children if act.dep_ == "pobj" for a in args.prep_objects(act, {"against"})]
        if not accused and governor.dep_ == "dobj":  # "filed charges of X against Y": the parser hangs Y on the verb
            accused = args.prep_objects(governor.head, {"against"})
        if not accused and governor.dep_ == "dobj" and governor.head.lemma_.lower() in frames["charges_verbs"]:
            accused = args.subjects(governor.head)
        return accused
    if governor.pos_ == "NOUN":  # "a role in X": whoever plays the role
        head = governor.head
        owners = [a for c in governor.children if c.dep_ == "poss" for a in args.actors(c)]
        owners = owners or args.prep_objects(governor, {"for", "of"})  # "a role for the ELN in X"
        if owners:
            return owners
        if governor.dep_ == "dobj" and head.lemma_.lower() not in args.lex.cues["attribution_verbs"]:
            return args.subjects(head)  # "Media report a role in X": the reporter plays none
        return []
    if governor.pos_ == "ADJ" and governor.dep_ in ("acomp", "amod"):
        if governor.dep_ == "amod":
            return args.actors(governor.head)
        return args.subjects(governor.head)
    if side == "obj":
        if is_passive(governor) or governor.tag_ == "VBN":
            return args.passive_subjects(governor)
        return args.direct_objects(governor)
    return args.subjects(governor)


SOURCE_VERBS = {"come", "emanate", "stem", "originate"}  # "the terrorist threat comes from X"
DOING_VERBS = {"pose", "carry", "commit", "launch", "stage", "mount", "claim"}  # "attacks carried out by X"


def _authors(noun: Token, args: Arguments) -> list[Actor]:
    """Who an activity noun's act is by: 'terrorist attacks by X', 'the terrorist threat from X', 'the threat posed
    by X', 'the terrorist threats come from X'. A place is where, not who."""
    found = list(args.prep_objects(noun, {"from", "by"}))
    for clause in (c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in DOING_VERBS):
        found += args.agents(clause)
    if noun.dep_ == "nsubj" and noun.head.lemma_.lower() in SOURCE_VERBS:
        found += args.prep_objects(noun.head, {"from"})
    return [a for a in found if a.mention.type != "Place"]


def _agent_nouns(sent: Span, args: Arguments) -> Iterator[Found]:
    """'FARC terrorists', 'terrorist groups such as Hamas': the named actor is alleged the activity."""
    for token in args.tokens(sent):
        lemma = token.lemma_.lower()
        code = AGENT_NOUNS.get(lemma)
        if code is None:
            if token.dep_ == "amod" and lemma in AGENT_NOUNS:
                code = AGENT_NOUNS[lemma]
            else:
                continue
        noun = token.head if token.dep_ in ("amod", "compound") else token
        named: list[Actor] = []
        for child in noun.children:
            if child.dep_ in ("compound", "nmod") and child.i < noun.i and args.found.at(child) is not None:
                mention = args.found.at(child)
                inside = mention is not None and mention.tok_start <= noun.i < mention.tok_end
                if mention is not None and not inside and mention.type not in ("State", "Place", "Person"):
                    named.append(Actor(mention))
        named += [a for a in args._instances(noun, 0)]
        if noun.lemma_.lower() not in ORG_NOUNS and noun.lemma_.lower() not in args.lex.group_heads:
            named += _authors(noun, args)  # "terrorist attacks by X"; not "a terrorist organization by Argentina"
        if noun.dep_ == "pobj" and noun.head.lower_ == "as" and noun.head.head.pos_ == "VERB":
            verb = noun.head.head  # "designated X as a terrorist organization", "X was listed as ..."
            named += args.passive_subjects(verb) if is_passive(verb) else args.direct_objects(verb)
        if noun.dep_ in ("oprd", "dobj") and is_passive(noun.head):  # "X was designated a terrorist organization"
            named += args.passive_subjects(noun.head)
        elif noun.dep_ == "oprd":  # "labelled X a terrorist group"
            named += args.direct_objects(noun.head)
        if noun.dep_ == "appos" and token.i < noun.i:  # "Al-Shabab, a terrorist group": the name it renames
            named += [a for a in args._one(noun.head, 0) if a.mention.type not in ("State", "Place")]
        for actor in named:
            yield Found(actor.mention, "ALLEGED", None, token, 0.55, "agent-noun", activity=code)
