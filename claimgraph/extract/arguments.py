"""Who a clause is about: from a token of the parse to the actors it stands for."""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimgraph.extract.mentions import Mentions
from claimgraph.extract.phrases import Actor, Phrases, unique
from claimgraph.extract.words import ORDERS
from claimgraph.lexicon import Lexicon
from claimgraph.model import Mention


class Arguments(Phrases):
    """Maps tokens to actors for one doc, resolving pronouns and relative pronouns as it goes: the clause's roles
    (subjects, objects, agents, partners) here, what one noun phrase names in phrases.py."""

    def __init__(self, found: Mentions, lex: Lexicon, relation_nouns: frozenset[str]):
        self.found = found
        self.lex = lex
        self.relation_nouns = relation_nouns
        self.references: list[Mention] = []  # pronoun mentions created on the way
        self.speakers: list[tuple[int, int, str]] = []  # quotes (character span) and their speaker's key
        self._tokens: tuple[int, list[Token]] = (-1, [])

    def tokens(self, sent: Span) -> list[Token]:
        """The sentence's tokens, made once: every pattern walks them, and spaCy builds a new Token per access."""
        if self._tokens[0] != sent.start:
            self._tokens = (sent.start, list(sent))
        return self._tokens[1]

    def subjects(self, verb: Token, depth: int = 0, *, partners: bool = True) -> list[Actor]:
        """The subject of a verb; a controlled or coordinated verb borrows its governor's subject. With `partners`,
        the actors joined to the subject or the verb by 'along with', 'alongside' ... act as subjects too."""
        # the subject, or one the parser hung on the verb's auxiliary ('Iran is “flagrantly” defying X')
        children = [*verb.children, *(g for c in verb.children if c.dep_ in ("aux", "auxpass") for g in c.children)]
        for dep in ("nsubj", "csubj"):  # a clausal subject only when there is no nominal one
            for child in children:
                if child.dep_ == dep:
                    found = self.actors(child)
                    if partners and found:
                        found = unique(found + self.partners(verb) + self.partners(child))
                    return found
        if depth > 3:
            return []
        if verb.dep_ in ("xcomp", "advcl", "conj", "ccomp", "pcomp", "acomp", "oprd") and verb.head.i != verb.i:
            head = verb.head
            if verb.dep_ == "pcomp" and head.dep_ == "prep":
                if head.lower_ in ("against", "from") and head.head.lemma_.lower() in self.lex.cues["prevention_verbs"]:
                    return []  # "warned Israel against attacking X": no attack is claimed
                noun = head.head
                if head.lower_ in ("including", "like"):  # "X will take measures, including imposing sanctions"
                    return self._measures_taker(noun, depth)
                head = noun
                if head.pos_ in ("VERB", "AUX") and not is_passive(head) and verb.head.lower_ in ("of", "for") and any(
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

    def _measures_taker(self, anchor: Token, depth: int) -> list[Actor]:
        """Who acts in 'X will take measures, including imposing sanctions on Y' (lexicon/frames.yaml measures):
        the subject of the verb that takes the measures; the list may hang on the noun or on the verb."""
        frames = self.lex.frames
        if anchor.pos_ == "NOUN":
            if anchor.dep_ != "dobj" or any(c.dep_ == "poss" for c in anchor.children):
                return []
            if anchor.lemma_.lower() not in frames["measures_nouns"]:
                return []
            anchor = anchor.head
        elif not any(c.dep_ == "dobj" and c.lemma_.lower() in frames["measures_nouns"]
                     and not any(g.dep_ == "poss" for g in c.children) for c in anchor.children):
            return []
        if anchor.lemma_.lower() not in frames["measures_verbs"]:
            return []
        return [Actor(a.mention, a.penalty + 0.15) for a in self.subjects(anchor, depth + 1)]

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
        if verb.dep_ == "acomp" and verb.head.i != verb.i:  # "X are armed ... by Y": X
            return self.subjects(verb.head)
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


def is_passive(verb: Token) -> bool:
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
            verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl")):
        return True
    # "The Houthis are armed and trained by Iran": a participle the parser took for an adjective after "be", with a
    # by-agent on it or on a participle joined to it, and that joined participle
    if (verb.tag_ == "VBN" or verb.lower_.endswith("ed")) and verb.dep_ == "acomp" and verb.head.lemma_ == "be":
        return any(c.dep_ == "agent" for v in (verb, *verb.conjuncts) for c in v.children)
    return verb.tag_ == "VBN" and verb.dep_ == "conj" and verb.head.dep_ == "acomp" and is_passive(verb.head)


