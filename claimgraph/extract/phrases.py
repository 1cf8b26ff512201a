"""What one noun phrase names: the actors a token stands for, through names, appositions, lists, bracketed
lists, hyphenated pairs, instances ('groups such as X') and references ('he', 'the cartel')."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from claimgraph.extract.mentions import Mentions, resolve_pair, resolve_reference
from claimgraph.extract.references import name_after
from claimgraph.extract.spans import after_title
from claimgraph.extract.words import AFFIXES, INSTANCE_ADVERBS, INSTRUMENTS, PLACE_NOUNS, QUANTITY, RELATIVE, SUBJECTS
from claimgraph.lexicon import Lexicon
from claimgraph.model import Mention


@dataclass(frozen=True)
class Actor:
    """An actor found for an argument, and how sure we are that it is the right one."""

    mention: Mention
    penalty: float = 0.0


class Phrases:
    """The noun-phrase half of `Arguments` (which sets these attributes and adds the clause roles)."""

    found: Mentions
    lex: Lexicon
    relation_nouns: frozenset[str]
    references: list[Mention]
    speakers: list[tuple[int, int, str]]

    def subjects(self, verb: Token, depth: int = 0, *, partners: bool = True) -> list[Actor]:
        raise NotImplementedError  # Arguments

    def direct_objects(self, verb: Token) -> list[Actor]:
        raise NotImplementedError  # Arguments

    def tokens(self, sent: Span) -> list[Token]:
        raise NotImplementedError  # Arguments

    def actors(self, token: Token | None, depth: int = 0) -> list[Actor]:
        """The actors a token denotes, over its conjuncts and 'such as' instances."""
        if token is None or depth > 4:
            return []
        out: list[Actor] = []
        for item in [token, *token.conjuncts] if token.dep_ != "conj" else [token]:
            instances = self._instances(item, depth)
            out.extend(instances or self._one(item, depth))  # "groups such as X, Y": the groups are X and Y
            out.extend(self._hyphenated(item))
        return unique(out)

    def _before_comma(self, token: Token) -> list[Actor]:
        doc = token.doc
        if token.i < 2 or doc[token.i - 1].text != ",":
            return []
        mention = self.found.at(doc[token.i - 2])
        return [Actor(mention, 0.05)] if mention is not None and mention.label != "pronoun" else []

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
                if all(m is not None and m.type == mention.type and not after_title(m, token.doc, self.lex.titles)
                       for m in listed):
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
                if not found:  # "the backing of India, which has ties to Y" parsed onto "backing": the name
                    found = self._before_comma(token)  # just before the comma is what the clause describes
                return [Actor(a.mention, a.penalty + 0.05) for a in found]
            return []
        ref = resolve_reference(token, self.found, self.lex, outside=self._speaker_of(token))
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
        named = name_after(token, self.found, self.lex) if any(c.lower_ == "the" for c in token.lefts) else None
        if named is not None:  # "the company Rosneft", "the group Chagossian Voices": the name that follows
            return [Actor(named, 0.05)]
        if token.dep_ == "appos":
            return self._one(token.head, depth + 1) if depth < 3 else []
        role = all(t.kind == "MEMBER_OF" for t in self.lex.triggers.get((token.lemma_.lower(), "noun"), ()))
        if token.lemma_.lower() in self.relation_nouns and (role or token.lemma_.lower() in self.lex.relational):
            # "ELN commanders" act for the ELN, "Hungarian and Romanian officials" for their states;
            # "Russia's allies" are not Russia
            out = []
            for child in token.children:
                named = self.found.at(child)
                if named is None or child.i > token.i or named.type in ("Place", "Person") \
                        or _affixed(named, token.doc):
                    continue  # "anti-Pakistan fighters" do not act for Pakistan
                owned = any(c.dep_ == "poss" for c in token.children)  # "the group's Somali affiliate"
                if child.dep_ == "compound" or (role and child.dep_ == "amod" and named.type == "State" and not owned) \
                        or (role and child.dep_ == "poss" and named.type == "State"):  # "Israel's ambassador"
                    out.append(Actor(named, 0.2))
                    out += [Actor(m, 0.2) for c in child.conjuncts if (m := self.found.at(c)) is not None
                            and m.type == "State"]
            owned_part = token.lemma_.lower() in self.lex.frames["part_nouns"] and any(
                c.dep_ == "poss" for c in token.children)  # "the agency's division", "Hamas's armed wing"
            if out or (token.lemma_.lower() not in QUANTITY and not owned_part):
                return out  # "the military wing of Hamas" still reads as Hamas below
        if any(c.dep_ == "compound" and (f"{c.lemma_.lower()} {token.lemma_.lower()}", "noun") in self.lex.triggers
               for c in token.children):
            return []  # "Apple Daily's parent company" is another company: a relation phrase is not its possessor
        modifiers = [c for c in token.children if c.dep_ in ("poss", "compound", "nmod", "amod") and c.i < token.i]
        # "bin Laden's al-Qaeda network": al-Qaeda; "the group's Somali affiliate": the group's, not Somalia's
        modifiers.sort(key=lambda c: ({"poss": 1, "amod": 2}.get(c.dep_, 0), -c.i))
        for child in modifiers:
            mention = self.found.at(child)
            if mention is None and child.dep_ == "poss" and child.pos_ == "PRON" and token.dep_ == "dobj" \
                    and depth < 3:  # "rejected its offer", "struck his hideout": the act is on whom it refers to
                owners = self.actors(child, depth + 1)
                if owners:
                    return [Actor(a.mention, a.penalty + 0.15) for a in owners]
            if mention is None or mention.type == "Place" or _affixed(mention, token.doc):
                continue  # "anti-American rhetoric" is nobody's: an attitude towards the state, not the state
            if child.dep_ == "amod" and (mention.type != "State" or any(c.dep_ == "poss" for c in modifiers)):
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

    def _speaker_of(self, token: Token) -> frozenset[str]:
        """The speaker of the quote a word stands in: '"he has defied the courts," X said' - he is not X."""
        return frozenset(key for start, end, key in self.speakers if start <= token.idx < end)

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
            out.extend(self._before_other(token, depth))
        for child in token.children:
            if child.dep_ == "relcl" and child.lemma_.lower() in ("include", "comprise") \
                    and self.found.at(token) is None:
                out.extend(a for c in child.children if c.dep_ == "dobj" for a in self.actors(c, depth + 1))
            if child.dep_ == "prep" and (child.lower_ in ("including", "like") or such_as(child)):
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

    def _before_other(self, token: Token, depth: int) -> list[Actor]:
        """'the ELN and other terrorist groups', 'Hamas, Hezbollah and other militias': the conjuncts before 'other
        N' are instances of N."""
        if token.dep_ != "conj" or not any(c.dep_ == "amod" and c.lower_ == "other" for c in token.children):
            return []
        first = token.head
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        return [a for item in [first, *first.conjuncts] if item.i < token.i for a in self._one(item, depth + 1)]

    def _reference(self, token: Token, antecedent: Mention) -> Mention:
        mention = Mention(start=token.idx, end=token.idx + len(token.text), text=token.text,
                          type=antecedent.type, name=antecedent.name, key=antecedent.key,
                          country=antecedent.country, label="pronoun", tok_start=token.i, tok_end=token.i + 1)
        self.references.append(mention)
        return mention

    # --- clause structure -------------------------------------------------------------------------------


def such_as(prep: Token) -> bool:
    """'groups such as X' and 'such groups as X'."""
    if prep.lower_ != "as":
        return False
    return (prep.i > 0 and prep.doc[prep.i - 1].lower_ == "such") or any(
        c.lower_ == "such" for c in prep.head.children)


def unique(actors: list[Actor]) -> list[Actor]:
    seen: dict[str, Actor] = {}
    for actor in actors:
        key = actor.mention.key
        if key not in seen or seen[key].penalty > actor.penalty:
            seen[key] = actor
    return list(seen.values())


def _affixed(mention: Mention, doc: Doc) -> bool:
    """'anti-American', 'pro-Russian': a state's name bound to a prefix by a hyphen names an attitude."""
    start = mention.tok_start
    if start + 2 < mention.tok_end and doc[start].lower_ in AFFIXES and doc[start + 1].text == "-":
        return True  # the model's span took the prefix in: "anti-Pakistan"
    return start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ \
        and doc[start - 2].lower_ in AFFIXES
