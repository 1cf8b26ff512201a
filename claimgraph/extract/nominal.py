"""A relation noun set before a name: 'Morocco's rival Algeria', 'Russia's closest ally Belarus', 'Iran's proxy
Hezbollah', 'a Saudi ally Bahrain'. The name is the holder, the possessor (or the national adjective) the other.

The parser often hangs such a noun on the name as a modifier, or makes both subjects, so the pattern reads
the word order: the relation noun, then the name right after it.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from claimgraph.extract.arguments import Actor, Arguments, is_passive
from claimgraph.extract.found import Found, emit
from claimgraph.extract.nouns import left_modifiers
from claimgraph.extract.words import goods_kind, hostile_act
from claimgraph.lexicon import Lexicon, alias_key
from claimgraph.model import Mention


def named_after_relation(sent: Span, args: Arguments, lex: Lexicon) -> Iterator[Found]:
    doc = sent.doc
    for noun in args.tokens(sent):
        lemma = noun.lemma_.lower()
        if lemma not in lex.relational or noun.i + 1 >= sent.end:
            continue
        named = args.found.at(doc[noun.i + 1])
        if named is None or named.tok_start != noun.i + 1 or named.type in ("Place",):
            continue
        others = _owners(noun, named, args)
        for trig in lex.triggers.get((lemma, "noun"), ()):
            if trig.kind in ("MEMBER_OF", "OPERATES_IN", "FAMILY"):
                continue
            yield from emit([Actor(named)], others, trig.kind, trig.reverse, noun, trig.confidence - 0.05,
                            "relation-name")
    yield from _role_before_name(sent, args, lex)


def _role_before_name(sent: Span, args: Arguments, lex: Lexicon) -> Iterator[Found]:
    """'Hezbollah's secretary-general Hassan Nasrallah', 'the Kremlin's spokesman Dmitry Peskov': a role noun
    owned by a body, then the holder's name (read by word order: the parser often makes the noun a modifier)."""
    doc = sent.doc
    for noun in args.tokens(sent):
        if noun.i + 1 >= sent.end or noun.pos_ not in ("NOUN", "PROPN", "ADJ"):
            continue
        roles = [t for t in lex.triggers.get((noun.lemma_.lower(), "noun"), ()) if t.kind == "MEMBER_OF"]
        person = args.found.at(doc[noun.i + 1])
        if not roles or person is None or person.type != "Person" or person.tok_start != noun.i + 1:
            continue
        first = noun
        while first.i - 2 >= sent.start and doc[first.i - 1].text == "-" and not doc[first.i - 1].whitespace_:
            first = doc[first.i - 2]  # "secretary-general": the whole hyphenated title
        owners = [a for c in [*first.children, *noun.children, *doc[person.tok_start : person.tok_end].root.children]
                  if c.dep_ == "poss" and c.i < first.i for a in args.actors(c)]
        owners = [o for o in owners if o.mention.type not in ("Person", "Place") and o.mention.key != person.key]
        role = doc[first.i : noun.i + 1].text.lower()
        yield from emit([Actor(person)], owners, "MEMBER_OF", False, noun, roles[0].confidence - 0.1, "role-name",
                        role=role)


def advocacy(sent: Span, args: Arguments, lex: Lexicon) -> Iterator[Found]:
    """'X called for Y's release', 'X demanded the release of Y', 'X pushed for Y's return': X backs Y."""
    nouns, verbs = lex.frames["advocacy_nouns"], lex.frames["advocacy_verbs"]
    for noun in args.tokens(sent):
        if noun.lemma_.lower() not in nouns:
            continue
        verb = noun.head.head if noun.dep_ == "pobj" else noun.head if noun.dep_ == "dobj" else None
        if verb is None or verb.lemma_.lower() not in verbs:
            continue
        backed = [a for c in noun.children if c.dep_ == "poss" for a in args.actors(c)]
        backed += args.prep_objects(noun, {"of"})
        yield from emit(args.subjects(verb), backed, "SUPPORTS", False, noun, 0.6, "advocacy")


def undoing(sent: Span, args: Arguments, lex: Lexicon) -> Iterator[Found]:
    """'X welcomed the closure of Y' opposes Y; 'X condemned the arrest of Y' backs Y: a stand on what was done to
    an actor is the opposite stand on the actor (frames.yaml undoing)."""
    for noun in args.tokens(sent):
        if noun.lemma_.lower() not in lex.frames["undoing_nouns"] or noun.dep_ != "dobj":
            continue
        verb = noun.head
        stance = undoing_stance(verb, lex)
        if stance is None:
            continue
        undone = args.prep_objects(noun, {"of"})
        owners = [a for c in noun.children if c.dep_ == "poss" for a in args.actors(c)]
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
            # "Russia's arrest of the journalist": the owner did it, the stand on it is on the owner
            yield from emit(args.subjects(verb), owners, stance, False, verb, 0.55, "undoing")
        else:  # "Maduro's ouster": the owner is the one it was done to
            undone = owners
        kind = "SUPPORTS" if stance == "OPPOSES" else "OPPOSES"
        yield from emit(args.subjects(verb), undone, kind, False, verb, 0.55, "undoing")


def transfer_nouns(sent: Span, args: Arguments, lex: Lexicon) -> Iterator[Found]:
    """'North Korea's arms transfers to Russia', 'Russian deliveries of drones to Iran': the giver owns the noun,
    the receiver is its to-object, and what is moved (a compound or the of-object) decides the kind."""
    for noun in args.tokens(sent):
        if noun.lemma_.lower() not in lex.frames["transfer_nouns"] or noun.pos_ != "NOUN":
            continue
        goods = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i]
        goods += [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                  if p.dep_ == "pobj"]
        kind = goods_kind(goods, lex)  # "arms transfers", "deliveries of hundreds of drones"
        if kind is None:
            continue
        receivers = args.prep_objects(noun, {"to"})
        givers = [Actor(m) for c in noun.children if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i < noun.i
                  and (m := args.found.at(c)) is not None and m.type not in ("Place", "Person")]
        givers += [a for c in noun.children if c.dep_ == "poss" and c.pos_ == "PRON" for a in args.actors(c)]
        yield from emit(givers, receivers, kind, False, noun, 0.65, "transfer-noun")


def undoing_stance(verb: Token, lex: Lexicon) -> str | None:
    """The stand a verb takes on what it is about: SUPPORTS for 'welcomed', OPPOSES for 'condemned', else None
    ('ordered the arrest of X' does the act, it takes no stand on it)."""
    lemma = verb.lemma_.lower()
    if lemma in lex.frames["undoing_approving"]:
        return "SUPPORTS"
    return "OPPOSES" if lemma in lex.frames["undoing_disapproving"] else None


def presence(sent: Span, args: Arguments, lex: Lexicon) -> Iterator[Found]:
    """'Russian troops in Syria', 'U.S. bases in Japan', 'Iran's embassy in Caracas': the owner operates there."""
    dwellings = lex.frames["dwelling_nouns"]
    nouns = lex.frames["presence_nouns"] | dwellings
    for noun in args.tokens(sent):
        if noun.lower_ not in nouns and noun.lemma_.lower() not in nouns:
            continue
        dwelling = noun.lower_ in dwellings and noun.is_lower  # a person's home: the person is there
        verb = noun.head if noun.dep_ in ("dobj", "nsubjpass") \
            and noun.head.lemma_.lower() in lex.frames["presence_verbs"] else None  # "opened an office in X"
        places = _where(noun, verb, args, lex)
        if not places:
            continue
        owner = args.found.at(noun)  # "Russian troops": the demonym phrase names the state
        owners = [Actor(owner)] if owner is not None and owner.type != "Place" else []
        for child in [*noun.children, *(c for c in left_modifiers(noun) if c.head.i != noun.i)]:
            mention = args.found.at(child)  # "a Russian signals intelligence facility": through the compounds
            if child.dep_ in ("poss", "compound", "amod", "nmod") and child.i < noun.i and mention is not None \
                    and mention.type != "Place" and (mention.type != "Person" or dwelling):
                owners.append(Actor(mention, 0.05))
            elif child.dep_ == "poss" and child.pos_ == "PRON":  # "its bases in Syria", "his hideout in Anbar"
                owners += [Actor(a.mention, a.penalty + 0.05) for a in args.actors(child)]
        if dwelling:  # "the home of X in Moscow"; a home is a person's ("their Sydney home" is no group's)
            owners += args.prep_objects(noun, {"of"})
            owners = [o for o in owners if o.mention.type == "Person"]
        else:  # "the Moscow office of Human Rights Watch", "the presence of Russian troops in Syria"
            owners += [o for o in args.prep_objects(noun, {"of"}) if o.mention.type not in ("Place", "Person")]
        owners = [o for o in owners if all(o.mention.key != p.mention.key and not _named_for(o.mention, p.mention)
                                           for p in places)]
        if not owners and verb is not None:  # "Russia has troops in Syria": the subject's troops
            owners = [o for o in (args.agents(verb) if is_passive(verb) else args.subjects(verb))
                      if all(o.mention.key != p.mention.key for p in places)]
        yield from emit(owners[:1], places, "OPERATES_IN", False, noun, 0.6, "presence")


def _where(noun: Token, verb: Token | None, args: Arguments, lex: Lexicon) -> list[Actor]:
    """Where a presence noun is: its own "in X"; the place of a presence verb ("sent advisers to X"), or of any verb
    acting on an owned one ("struck Hezbollah's bases in Lebanon": the parser may hang the place on the verb);
    the host of a hosting verb ("Cuba hosts a Russian base")."""
    def places(found: list[Actor]) -> list[Actor]:
        return [a for a in found if a.mention.type in ("Place", "State")]

    here = places(args.prep_objects(noun, {"in", "at", "on"}))
    owned_by = any(c.dep_ == "poss" for c in noun.children) or any(
        args.found.at(p) is not None for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
        for p in c.children if p.dep_ == "pobj")
    if not here and owned_by:  # "its Moscow office", "his Fargo home", "the Moscow office of HRW"
        named = (args.found.at(c) for c in noun.children if c.dep_ in ("compound", "nmod") and c.i < noun.i)
        here = [Actor(m) for m in named if m is not None and m.type in ("Place", "State")]
    owned = noun.dep_ in ("dobj", "nsubjpass") and any(c.dep_ == "poss" for c in noun.children)
    if not here and (verb is not None or owned):
        here = places(args.prep_objects(noun.head, {"in", "at", "to", "into"} if verb is not None else {"in", "at"}))
    if not here and noun.dep_ == "dobj" and noun.head.lemma_.lower() in lex.frames["hosting_verbs"]:
        here = places(args.subjects(noun.head))
    return here


def _named_for(owner: Mention, place: Mention) -> bool:
    """'security forces in Somalia': a collective that the place itself qualifies says nothing more by being there."""
    return owner.label == "collective" and owner.key.endswith(f":{alias_key(place.name)}")


def attributes(sent: Span, args: Arguments, lex: Lexicon) -> Iterator[Found]:
    """'The U.S. seeks to counter Chinese influence', 'Japan moved to contain China's expansion', 'X undermined
    Iran's power': a verb acting on an actor's influence, power or presence acts on the actor. Containing verbs
    (frames.yaml) oppose; a verb with a trigger of its own takes the trigger's kind."""
    nouns, verbs = lex.frames["attributes_nouns"], lex.frames["attributes_verbs"]
    for noun in args.tokens(sent):
        if noun.dep_ != "dobj" or noun.lemma_.lower() not in nouns or args.found.at(noun) is not None:
            continue
        verb = noun.head
        lemma = verb.lemma_.lower()
        particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
        if lemma in verbs or (particle and f"{lemma} {particle}" in verbs):
            kind, confidence, reverse = "OPPOSES", 0.6, False
        else:
            row = next((t for t in lex.triggers.get((lemma, "verb"), ())
                        if "dobj" in t.slots and t.kind in ("OPPOSES", "SUPPORTS")), None)
            if row is None:
                continue
            kind, confidence, reverse = row.kind, row.confidence - 0.05, row.reverse
        owners = [a for c in noun.children if c.dep_ == "poss" for a in args.actors(c)]
        owners += [Actor(m) for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i
                   and (m := args.found.at(c)) is not None and m.type not in ("Place", "Person")]
        yield from emit(args.subjects(verb), owners, kind, reverse, verb, confidence, "attribute")


def _owners(noun: Token, named: Mention, args: Arguments) -> list[Actor]:
    """Whose ally: the possessor of the noun or of the name, or a national adjective on the noun."""
    doc = noun.doc
    name_root = doc[named.tok_start : named.tok_end].root
    out: list[Actor] = []
    for child in [*noun.children, *name_root.children]:
        if child.dep_ == "poss" and child.i < noun.i:
            out += args.actors(child)
        elif child.dep_ in ("amod", "compound") and child.i < noun.i:
            mention = args.found.at(child)
            if mention is not None and mention.type == "State":
                out.append(Actor(mention, 0.05))
    return [a for a in out if a.mention.key != named.key]


def refusals(sent: Span, args: Arguments, lex: Lexicon) -> Iterator[Found]:
    """'Mexico refused to sell weapons to Russia', 'Kenya declined to attend a hearing by the UN': refusing an act
    towards Y rejects Y (the act itself is denied: cues.negated)."""
    for verb in args.tokens(sent):
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in lex.cues["refusals"]:
            continue
        for clause in (c for c in verb.children if c.dep_ == "xcomp"):
            if hostile_act(clause, lex):
                continue  # "refused to join sanctions against Russia", "declined to condemn X": no hostility to X
            others = args.direct_objects(clause) + args.prep_objects(clause, {"with", "to", "for", "on", "against"})
            yield from emit(args.subjects(verb), others, "OPPOSES", False, verb, 0.5, "refusal")

