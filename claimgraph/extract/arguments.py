"""Who a clause is about: from a token of the parse to the actors it stands for."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from claimgraph.extract.mentions import Mentions, resolve_pair, resolve_reference
from claimgraph.lexicon import Lexicon
from claimgraph.model import Mention

RELATIVE = {"who", "which", "that", "whom", "whose"}
QUANTITY = {"hundred", "thousand", "dozen", "million", "some", "many", "all", "most", "part", "rest", "majority",
            "number", "group", "network", "faction", "cell", "unit", "wing", "element", "member", "remnant",
            "one", "two", "three", "several", "each", "none", "score", "handful", "crowd", "band", "ten"}
ORDERS = {"order", "orders", "instruction", "behest", "command", "direction", "request"}
PLACE_NOUNS = {"town", "city", "village", "province", "region", "district", "state", "port", "capital", "island"}
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
INSTANCE_ADVERBS = {"especially", "notably", "particularly", "chiefly", "mainly", "namely", "primarily", "principally"}
INSTRUMENTS = {"shot", "bullet", "bomb", "missile", "rocket", "grenade", "shell", "round", "gun", "rifle"}


@dataclass(frozen=True)
class Actor:
    """An actor found for an argument, and how sure we are that it is the right one."""

    mention: Mention
    penalty: float = 0.0


class Arguments:
    """Maps tokens to actors for one doc, resolving pronouns and relative pronouns as it goes."""

    def __init__(self, found: Mentions, lex: Lexicon, relation_nouns: frozenset[str]):
        self.found = found
        self.lex = lex
        self.relation_nouns = relation_nouns
        self.references: list[Mention] = []  # pronoun mentions created on the way
        self._tokens: tuple[int, list[Token]] = (-1, [])

    def tokens(self, sent: Span) -> list[Token]:
        """The sentence's tokens, made once: every pattern walks them, and spaCy builds a new Token per access."""
        if self._tokens[0] != sent.start:
            self._tokens = (sent.start, list(sent))
        return self._tokens[1]

    def actors(self, token: Token | None, depth: int = 0) -> list[Actor]:
        """The actors a token denotes, over its conjuncts and 'such as' instances."""
        if token is None or depth > 4:
            return []
        out: list[Actor] = []
        for item in [token, *token.conjuncts] if token.dep_ != "conj" else [token]:
            instances = self._instances(item, depth)
            out.extend(instances or self._one(item, depth))  # "groups such as X, Y": the groups are X and Y
            out.extend(self._hyphenated(item))
        return _unique(out)

    def _hyphenated(self, token: Token) -> list[Actor]:
        """'FARC-ELN': both named actors joined by a hyphen."""
        doc = token.doc
        mention = self.found.at(token)
        if mention is None or mention.tok_start < 2 or doc[mention.tok_start - 1].text != "-":
            return []
        before = self.found.at(doc[mention.tok_start - 2])
        if before is None or before.type != mention.type or doc[mention.tok_start - 2].whitespace_:
            return []
        return [Actor(before, 0.05)]

    def _one(self, token: Token, depth: int) -> list[Actor]:
        mention = self.found.at(token)
        if mention is not None:
            if mention.label == "collective":  # "FARC terrorists": the named actor, not the noun
                for child in token.children:
                    named = self.found.at(child)
                    if child.dep_ in ("compound", "nmod") and named is not None and named.label != "collective" \
                            and named.type not in ("Place", "State", "Person"):
                        return [Actor(named, 0.05)]
            found = [Actor(mention)]
            for appos in (c for c in token.children if c.dep_ == "appos" and any(c.conjuncts)):
                listed = [self.found.at(t) for t in [appos, *appos.conjuncts]]  # "members Greece, Panama and Peru"
                if all(m is not None and m.type == mention.type for m in listed):
                    found += [Actor(m, 0.05) for m in listed if m is not None]
            if mention.label == "demonym":  # "Hungarian and Romanian officials": both states
                for other in token.doc[mention.tok_start].conjuncts:
                    state = self.found.at(other)
                    if state is not None and state.type == "State" and state.key != mention.key:
                        found.append(Actor(state, 0.05))
            return found
        low = token.lower_
        if low in RELATIVE and token.dep_ in SUBJECTS + ("dobj", "pobj", "poss"):
            clause = token.head
            while clause.dep_ not in ("relcl", "acl") and clause.head.i != clause.i and clause.pos_ != "NOUN":
                if clause.dep_ in ("ROOT",):
                    break
                clause = clause.head
            if clause.dep_ in ("relcl", "acl"):
                # "A, who ..., and B": the clause is A's alone; "A and B, who ...": both
                found = self._one(clause.head, depth + 1) if any(
                    c.i > clause.i for c in clause.head.conjuncts) else self.actors(clause.head, depth + 1)
                if low in ("who", "whom") and not any(a.mention.type == "Person" for a in found):
                    found = self._person_above(clause.head) or found
                return [Actor(a.mention, a.penalty + 0.05) for a in found]
            return []
        ref = resolve_reference(token, self.found, self.lex)
        if ref is not None:
            return [Actor(self._reference(token, ref), 0.1)]
        pair = resolve_pair(token, self.found, self.lex)
        if pair:  # "both countries": the two states named last
            return [Actor(self._reference(token, m), 0.15) for m in pair]
        if token.pos_ not in ("NOUN", "PROPN", "PRON", "NUM"):
            return []
        if token.lemma_.lower() in self.lex.frames["advocacy_nouns"]:
            return []  # "Lai's release" is not Lai: demanding it backs Lai (nominal.advocacy)
        for child in token.children:
            if child.dep_ == "appos":
                got = self.actors(child, depth + 1)
                if got:
                    return got
        if token.dep_ == "appos":
            return self._one(token.head, depth + 1) if depth < 3 else []
        role = all(t.kind == "MEMBER_OF" for t in self.lex.triggers.get((token.lemma_.lower(), "noun"), ()))
        if token.lemma_.lower() in self.relation_nouns and (role or token.lemma_.lower() in self.lex.relational):
            # "ELN commanders" act for the ELN, "Hungarian and Romanian officials" for their states;
            # "Russia's allies" are not Russia
            out = []
            for child in token.children:
                named = self.found.at(child)
                if named is None or child.i > token.i or named.type in ("Place", "Person"):
                    continue
                if child.dep_ == "compound" or (role and child.dep_ == "amod" and named.type == "State"):
                    out.append(Actor(named, 0.2))
                    out += [Actor(m, 0.2) for c in child.conjuncts if (m := self.found.at(c)) is not None
                            and m.type == "State"]
            if out or token.lemma_.lower() not in QUANTITY:
                return out  # "the military wing of Hamas" still reads as Hamas below
        modifiers = [c for c in token.children if c.dep_ in ("poss", "compound", "nmod", "amod") and c.i < token.i]
        modifiers.sort(key=lambda c: (c.dep_ == "poss", -c.i))  # "bin Laden's al-Qaeda network": al-Qaeda
        for child in modifiers:
            mention = self.found.at(child)
            if mention is None or mention.type == "Place":
                continue
            if child.dep_ == "amod" and mention.type != "State":
                continue
            states = [mention] + [self.found.at(c) for c in child.conjuncts]  # "French and Egyptian warships"
            return [Actor(m, 0.15) for m in states if m is not None]
        if token.lemma_.lower() in self.relation_nouns and depth < 3 and token.dep_ in ("dobj", "pobj"):
            # "boycott all contact with X", "a suspension of links with X": X
            kinds = {t.kind for t in self.lex.triggers.get((token.lemma_.lower(), "noun"), ())}
            if kinds & {"ASSOCIATED_WITH", "COOPERATES_WITH", "TRADES_WITH"}:
                partners = [a for c in token.children if c.dep_ == "prep" and c.lower_ in ("with", "to")
                            for p in c.children if p.dep_ == "pobj" for a in self.actors(p, depth + 1)]
                if partners:
                    return [Actor(a.mention, a.penalty + 0.15) for a in partners]
        for child in token.children:  # "calls by Belarus's rulers", "an appeal from President X"
            if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and depth < 3:
                        found = self.actors(pobj, depth + 1)
                        if found:
                            return [Actor(a.mention, a.penalty + 0.15) for a in found]
        if token.dep_ in ("ROOT", "dep", "npadvmod", "appos", "conj") and token.pos_ == "NOUN":
            renamed = self._after_comma(token)
            if renamed:
                return renamed
        if token.lemma_.lower() in INSTRUMENTS and token.dep_ in ("dobj", "nsubj") and depth < 3:
            verb = token.head  # "Oswald fired the shots that killed Kennedy": the shooter, not the shots
            if token.dep_ == "dobj":
                return [Actor(a.mention, a.penalty + 0.1) for a in self.subjects(verb)]
        if token.dep_ in ("dobj", "pobj") and depth < 2 and token.lemma_.lower() not in self.relation_nouns \
                and token.lemma_.lower() not in self.lex.heads \
                and token.lemma_.lower() not in self.lex.frames["advocacy_nouns"]:  # "the computers of X": X
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "of" and child.i == token.i + 1:
                    owners = [a for p in child.children if p.dep_ == "pobj" for a in self.actors(p, depth + 1)]
                    if owners:
                        return [Actor(a.mention, a.penalty + 0.2) for a in owners]
        if token.lemma_.lower() in QUANTITY or token.pos_ == "NUM" or token.lemma_.lower() in PLACE_NOUNS:
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            return [Actor(a.mention, a.penalty + 0.05) for a in self.actors(pobj, depth + 1)]
        return []

    def _person_above(self, token: Token) -> list[Actor]:
        """'Mironov, cited by Bloomberg, who lives ...': 'who' skips back to the person the phrase hangs on."""
        node = token
        for _ in range(6):
            if node.head.i == node.i:
                return []
            node = node.head
            mention = self.found.at(node)
            if mention is not None and mention.type == "Person":
                return [Actor(mention, 0.05)]
        return []

    def _after_comma(self, token: Token) -> list[Actor]:
        """'Hezbollah, the structure created by ...': a noun phrase right after 'X,' renames X."""
        doc = token.doc
        modifiers = [c.i for c in token.children if c.dep_ in ("det", "amod", "compound", "nummod", "poss")]
        start = min([*modifiers, token.i])  # the noun phrase's own start, not its subtree's
        if start < 2 or doc[start - 1].text != ",":
            return []
        mention = self.found.at(doc[start - 2])
        if mention is None or mention.type in ("Place", "State"):
            return []
        if any(t.pos_ == "VERB" for t in doc[start:token.i]):
            return []
        return [Actor(mention, 0.15)]

    def bracketed(self, token: Token) -> list[Actor]:
        """'several parties (Fidesz, Smer) ...', 'openly pro-Chinese (Ortega, Correa)': the named actors of the
        first bracket within a few words after a phrase are its instances."""
        doc = token.doc  # (token.sent is costly: bounds are read from is_sent_start)
        i = token.i + 1
        limit = min(len(doc), token.i + 8)
        while i < limit and doc[i].text != "(" and not doc[i].is_sent_start:
            if doc[i].text in (")", ";", ",") or doc[i].lower_ in ("or", "but", "and") or doc[i].pos_ == "VERB":
                return []
            i += 1
        if i >= limit or doc[i].text != "(":
            return []
        out: list[Actor] = []
        j = i + 1
        while j < min(len(doc), i + 40) and doc[j].text != ")" and not doc[j].is_sent_start:
            mention = self.found.at(doc[j])
            if mention is not None and mention.type not in ("Place",) and (not out or out[-1].mention is not mention):
                out.append(Actor(mention, 0.05))
            elif mention is None and doc[j].lower_ not in ("and", "or") and not (doc[j].is_punct or doc[j].is_space):
                return []  # "(pan-Arabists)", "(in 2019)": a gloss, not a list of actors
            j += 1
        return out

    def _instances(self, token: Token, depth: int) -> list[Actor]:
        """'groups such as FARC, Hamas', 'groups, including FARC', 'a group that included X', 'parties (A, B)':
        the named instances."""
        out: list[Actor] = []
        named = self.found.at(token)
        if (named is None or named.label == "collective") and token.pos_ == "NOUN" and token.tag_ in ("NNS", "NNPS"):
            out.extend(self.bracketed(token))
        for child in token.children:
            if child.dep_ == "relcl" and child.lemma_.lower() in ("include", "comprise") \
                    and self.found.at(token) is None:
                out.extend(a for c in child.children if c.dep_ == "dobj" for a in self.actors(c, depth + 1))
            if child.dep_ == "prep" and (child.lower_ in ("including", "like") or _such_as(child)):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        out.extend(self.actors(pobj, depth + 1))
            if child.dep_ == "appos" and self.found.at(token) is None and any(
                    c.dep_ == "advmod" and c.lower_ in INSTANCE_ADVERBS for c in child.children):
                out.extend(self.actors(child, depth + 1))  # "state actors, especially Russia, China and Iran"
            if child.dep_ == "amod" and child.lower_ == "such":
                for grand in child.children:
                    if grand.dep_ == "prep" and grand.lower_ == "as":
                        for pobj in grand.children:
                            if pobj.dep_ == "pobj":
                                out.extend(self.actors(pobj, depth + 1))
        return out

    def _reference(self, token: Token, antecedent: Mention) -> Mention:
        mention = Mention(start=token.idx, end=token.idx + len(token.text), text=token.text,
                          type=antecedent.type, name=antecedent.name, key=antecedent.key,
                          country=antecedent.country, label="pronoun", tok_start=token.i, tok_end=token.i + 1)
        self.references.append(mention)
        return mention

    # --- clause structure -------------------------------------------------------------------------------

    def subjects(self, verb: Token, depth: int = 0, *, partners: bool = True) -> list[Actor]:
        """The subject of a verb; a controlled or coordinated verb borrows its governor's subject. With `partners`,
        the actors joined to the subject or the verb by 'along with', 'alongside' ... act as subjects too."""
        for dep in ("nsubj", "csubj"):  # a clausal subject only when there is no nominal one
            for child in verb.children:
                if child.dep_ == dep:
                    found = self.actors(child)
                    if partners and found:
                        found = _unique(found + self.partners(verb) + self.partners(child))
                    return found
        if depth > 3:
            return []
        if verb.dep_ in ("xcomp", "advcl", "conj", "ccomp", "pcomp", "acomp", "oprd") and verb.head.i != verb.i:
            head = verb.head
            if verb.dep_ == "pcomp" and head.dep_ == "prep":
                if head.lower_ in ("against", "from") and head.head.lemma_.lower() in self.lex.cues["prevention_verbs"]:
                    return []  # "warned Israel against attacking X": no attack is claimed
                head = head.head
                if head.pos_ in ("VERB", "AUX") and not is_passive(head) and any(
                        c.dep_ == "dobj" for c in head.children):
                    # "Kenya accused Sudan of backing X": the object backs X, not the accuser
                    return [Actor(a.mention, a.penalty + 0.1) for a in self.direct_objects(head)]
            if head.pos_ in ("NOUN", "PROPN") and verb.dep_ != "conj":
                return []
            if is_passive(head) and verb.dep_ != "conj":
                return [Actor(a.mention, a.penalty + 0.1) for a in self.passive_subjects(head)]
            return [Actor(a.mention, a.penalty + 0.1) for a in self.subjects(head, depth + 1)]
        if verb.dep_ in ("relcl", "acl") and verb.tag_ != "VBN":
            found = self.actors(verb.head)
            noun = verb.head
            if not found and verb.tag_ == "VBG" and noun.dep_ == "dobj" and self.found.at(noun) is None:
                # "X issued a statement condemning Y": the statement is X's
                return [Actor(a.mention, a.penalty + 0.15) for a in self.subjects(noun.head, depth + 1)]
            return [Actor(a.mention, a.penalty + 0.05) for a in found]
        return []

    def joint_anchor(self, prep: Token) -> Token | None:
        """The verb or noun that a joint phrase ('along with', 'alongside', 'in coordination with') hangs on."""
        frames = self.lex.frames
        low = prep.lower_
        if low in frames["joint_preps"]:
            return prep.head
        if low != "with":
            return None
        head = prep.head
        if head.lower_ in frames["joint_adverbs"]:  # "along with": with > along > verb
            verb = head.head
            if verb.pos_ in ("VERB", "AUX") and any(c.dep_ == "dobj" and c.i < head.i for c in verb.children):
                return None  # "charged X along with Y": Y goes with the object, not the subject
            return verb
        if any(c.dep_ == "advmod" and c.lower_ in frames["joint_adverbs"] for c in prep.children):
            return head  # "together with": together < with > noun
        if head.lower_ in frames["joint_nouns"] and head.dep_ == "pobj" and head.head.lower_ == "in":
            anchor = head.head.head  # "in coordination with": with > coordination > in > verb
            # "struck the depot in coordination with Y": a manner of the act, not of the depot
            while anchor.pos_ in ("NOUN", "PROPN") and anchor.dep_ in ("dobj", "pobj", "prep") \
                    and anchor.head.i != anchor.i:
                anchor = anchor.head
            return anchor
        return None

    def partners(self, token: Token) -> list[Actor]:
        """Actors joined to a verb or a noun by a joint phrase."""
        out = []
        for prep in self._joint_preps(token):
            out += [Actor(a.mention, a.penalty + 0.1) for p in prep.children if p.dep_ == "pobj"
                    for a in self.actors(p)]
        return out

    def _joint_preps(self, token: Token) -> list[Token]:
        candidates = [c for c in token.children if c.dep_ == "prep"]
        candidates += [g for c in token.children if c.dep_ in ("prep", "advmod") for g in c.children
                       if g.dep_ == "prep"]
        candidates += [w for c in candidates if c.lower_ == "in" for p in c.children if p.dep_ == "pobj"
                       for w in p.children if w.dep_ == "prep"]
        return [c for c in candidates if (anchor := self.joint_anchor(c)) is not None and anchor.i == token.i]

    def passive_subjects(self, verb: Token) -> list[Actor]:
        for child in verb.children:
            if child.dep_ == "nsubjpass":
                return self.actors(child)
        if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN":
            head = verb.head
            while head.dep_ == "conj" and head.head.i != head.i and verb.i > head.i:
                head = head.head  # "A and B officials charged with X": the participle covers the coordination
            return [Actor(a.mention, a.penalty + 0.05) for a in self.actors(head)]
        if verb.dep_ == "conj":
            return self.passive_subjects(verb.head)
        if verb.dep_ in ("advcl", "xcomp", "csubj") and verb.head.i != verb.i:
            return [Actor(a.mention, a.penalty + 0.1) for a in self.subjects(verb.head)]
        return []

    def agents(self, verb: Token) -> list[Actor]:
        for child in verb.children:
            if child.dep_ == "agent":
                return [a for pobj in child.children if pobj.dep_ == "pobj" for a in self.actors(pobj)]
        return self.agents_of_conj(verb) or self._ordered_by(verb)

    def _ordered_by(self, verb: Token) -> list[Actor]:
        """'murdered on the orders of X': X is the one who acted."""
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "at", "under")):
            for order in (p for p in prep.children if p.dep_ == "pobj" and p.lemma_.lower() in ORDERS):
                found = [a for of in order.children if of.dep_ == "prep" and of.lower_ == "of"
                         for p in of.children if p.dep_ == "pobj" for a in self.actors(p)]
                if found:
                    return [Actor(a.mention, a.penalty + 0.1) for a in found]
        return []

    def agents_of_conj(self, verb: Token) -> list[Actor]:
        """'created and led by X': the agent sits on the last conjunct."""
        for other in verb.conjuncts:
            for child in other.children:
                if child.dep_ == "agent":
                    return [a for pobj in child.children if pobj.dep_ == "pobj" for a in self.actors(pobj)]
        return []

    def prep_objects(self, token: Token, preps: set[str]) -> list[Actor]:
        out: list[Actor] = []
        for child in _with_adverb_children(token, self.lex.frames["advocacy_nouns"]):
            if child.dep_ in ("prep", "agent", "dative") and child.lower_ in preps:
                for pobj in child.children:
                    if pobj.dep_ in ("pobj", "pcomp"):
                        out.extend(self.actors(pobj))
        return out

    def direct_objects(self, verb: Token) -> list[Actor]:
        return [a for child in verb.children if child.dep_ in ("dobj", "dative") for a in self.actors(child)]


def _with_adverb_children(token: Token, skip: frozenset[str] = frozenset()) -> list[Token]:
    children = list(token.children)
    for child in list(children):
        if child.dep_ in ("advmod", "prt", "dobj") and child.lemma_.lower() not in skip:
            children.extend(c for c in child.children if c.dep_ == "prep")
    return children


def _such_as(prep: Token) -> bool:
    """'groups such as X' and 'such groups as X'."""
    if prep.lower_ != "as":
        return False
    return (prep.i > 0 and prep.doc[prep.i - 1].lower_ == "such") or any(
        c.lower_ == "such" for c in prep.head.children)


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl"))


def _unique(actors: list[Actor]) -> list[Actor]:
    seen: dict[str, Actor] = {}
    for actor in actors:
        key = actor.mention.key
        if key not in seen or seen[key].penalty > actor.penalty:
            seen[key] = actor
    return list(seen.values())
