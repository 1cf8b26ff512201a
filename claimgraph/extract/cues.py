"""What the sentence says about a claim: who asserts it, whether it is hedged or denied, and when."""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimgraph.extract.arguments import Arguments
from claimgraph.extract.words import light_verb
from claimgraph.lexicon import Lexicon
from claimgraph.model import Mention

CLAUSE_DEPS = ("ccomp", "advcl", "relcl", "acl", "xcomp", "conj", "pcomp", "csubj")


def head_path(token: Token) -> list[Token]:
    """The token and its heads up to the sentence root."""
    path = [token]
    while path[-1].head.i != path[-1].i and len(path) < 40:
        path.append(path[-1].head)
    return path


def attribution(trigger: Token, sent: Span, args: Arguments, lex: Lexicon) -> Mention | None:
    """'According to X', 'X said that ...', 'X's report found that ...'."""
    verbs = lex.cues["attribution_verbs"]
    path = head_path(trigger)
    for i, node in enumerate(path[1:], start=1):
        below = path[i - 1]
        if node.lemma_.lower() in verbs and below.dep_ in ("ccomp", "parataxis", "xcomp") and below in node.children:
            source = speaker(node, args, lex)
            if source is not None:
                return source
        if below.dep_ == "prep" and node.lemma_.lower() in lex.cues["accusation_verbs"] and i >= 2 \
                and path[i - 2].dep_ == "pcomp":  # "Kenya accused Sudan of backing X": Kenya says so
            accusers = args.subjects(node, partners=False) if not any(
                c.dep_ in ("nsubjpass", "auxpass") for c in node.children) else args.agents(node)
            if accusers:
                return accusers[0].mention
    for token in sent:
        if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
            to = token.doc[token.i + 1]
            for pobj in to.children:
                if pobj.dep_ == "pobj":
                    actors = args.actors(pobj)
                    if actors:
                        return actors[0].mention
                    return _unnamed_source(pobj, args)
    root = sent.root
    if root.lemma_.lower() in verbs and root not in path:  # "..., officials said." after the clause
        for child in root.children:
            if child.dep_ in ("ccomp", "parataxis") and child in path:
                return speaker(root, args, lex)
    return None


MEDIA_WORDS = {"media", "newspaper", "press", "report", "reports", "television", "radio", "outlet", "daily"}


def _unnamed_source(token: Token, args: Arguments) -> Mention | None:
    """'according to local and international media': a source without a name is still a source."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    words = [t for t in token.subtree if t.dep_ not in ("det", "punct") and t.i <= token.i]
    words += [t for c in token.conjuncts for t in c.subtree if t.dep_ not in ("det", "punct")]
    if not words:
        return None
    start, end = min(t.i for t in words), max(t.i for t in words) + 1
    span = token.doc[start:end]
    mtype = "Media" if token.lemma_.lower() in MEDIA_WORDS else "Group"
    from claimgraph.extract.mentions import entity_key

    mention = Mention(start=span.start_char, end=span.end_char, text=span.text, type=mtype, name=span.text,
                      key=f"source:{entity_key(mtype, span.text)}", country=None, label="source",
                      tok_start=start, tok_end=end)
    args.references.append(mention)
    return mention


def speaker(verb: Token, args: Arguments, lex: Lexicon) -> Mention | None:
    """Who a reporting verb quotes: its subject, or the owner of a subject report ("Europol's report found")."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            actors = args.actors(child)
            if actors:
                return actors[0].mention
            if child.lemma_.lower() in lex.cues["attribution_nouns"]:
                for grand in child.children:
                    if grand.dep_ in ("poss", "compound"):
                        found = args.actors(grand)
                        if found:
                            return found[0].mention
    return None


def hedged(trigger: Token, lex: Lexicon, relation: str) -> bool:
    """A hedge cue on the trigger's path to the root, or attached to a word on it; a tie that is only sought,
    planned or tried ('seeks to join NATO', 'wants to deepen ties with X'), except hostility: seeking to topple Y
    already opposes Y."""
    cues = lex.cues["hedges"]
    path = head_path(trigger)
    for depth, (below, node) in enumerate(zip([None, *path], path, strict=False)):
        if node.lemma_.lower() in cues or node.lower_ in cues:
            return True
        if relation != "OPPOSES" and below is not None and node.lemma_.lower() in lex.cues["intentions"] \
                and _infinitive(below) and (depth == 1 or (depth == 2 and path[0].dep_ == "dobj" and (
                    light_verb(below) or below.lemma_.lower() in lex.frames["relation_building"]))):
            return True  # "seeks to join NATO", "its bid to join NATO", "wants to deepen ties with X"
        if node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.head.lemma_.lower() in (
                lex.cues["accusation_verbs"] - {"condemn", "criticize", "criticise", "fault"}):
            return True  # "accused of backing X": the backing is alleged
        for child in node.children:
            if child.dep_ in ("aux", "advmod", "auxpass", "amod") and (
                    child.lower_ in cues or child.lemma_.lower() in cues):
                return True
        if node.dep_ == "ccomp":
            break
    return False


def _infinitive(clause: Token) -> bool:
    """A 'to' + verb clause hung on the word above it ('seeks to join', 'refused to sell')."""
    return clause.dep_ in ("xcomp", "acl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def negated(trigger: Token, lex: Lexicon) -> bool:
    """A negation cue on the trigger's clause ('did not fund', 'never armed', 'no ties'), or a denial verb
    governing it ('denied funding'). A negated predicate does not deny a relation named in its subject."""
    cues = lex.cues["negations"]
    denials = lex.cues["denial_verbs"]
    path = head_path(trigger)
    for depth, node in enumerate(path):
        for child in node.children:
            if child.dep_ == "neg" or (child.dep_ in ("advmod", "preconj") and child.lower_ in cues):
                if child.i + 1 < len(child.doc) and child.doc[child.i + 1].lower_ in ("only", "just", "merely"):
                    continue  # "not only X but also Y" affirms both
                return True
            if child.dep_ == "det" and child.lower_ in cues and depth <= 1:
                return True
        if depth > 0 and node.lemma_.lower() in denials and not _named_holder(trigger):
            return True
        if 0 < depth <= 2 and node.lemma_.lower() in lex.cues["refusals"] and _infinitive(path[depth - 1]) \
                and not _named_holder(trigger):
            return True  # "refused to sell arms to X"; not "the number declined after an agreement"
        if node.dep_ in ("ccomp", "relcl", "advcl", "nsubj", "nsubjpass", "csubj") or depth > 3:
            break
    return False


def _named_holder(trigger: Token) -> bool:
    """'refused to join EU sanctions against Russia': the EU's sanctions stand; a denial or refusal denies only the
    refuser's own act ('denied its support for X' is denied)."""
    return trigger.pos_ == "NOUN" and any(c.dep_ in ("poss", "compound") and c.pos_ == "PROPN"
                                          for c in trigger.children)


def time_of(trigger: Token, dates: list[Span], lex: Lexicon) -> str | None:
    """A date expression (one of the sentence's DATE entities) attached to the trigger's clause
    ('since 2008', 'in March 2015')."""
    if not dates:
        return None
    path = set(head_path(trigger))
    preps = lex.cues["time_preps"]
    for ent in dates:
        anchor = ent.root
        text = ent.text
        if anchor.dep_ == "pobj":
            prep = anchor.head
            if prep.lower_ in preps:
                text = f"{prep.text} {ent.text}"
            attach = prep.head
        else:
            attach = anchor.head
        if attach in path:
            return text
    return None
