"""Closed word classes the patterns share (copulas, accusing verbs, light verbs, organisation nouns, offices)."""

from __future__ import annotations

from spacy.tokens import Token

from claimgraph.lexicon import Lexicon

ACCUSERS = {"convict", "accuse", "suspect", "charge", "arrest", "indict", "sentence", "try", "jail", "blame",
            "execute", "hang", "prosecute", "acquit", "guilty", "responsible", "serve", "imprison"}
COPULAS = {"be", "become", "remain", "seem", "appear", "serve", "act", "stay"}
LIGHT_VERBS = {"have", "pay", "impose", "place", "slap", "levy", "wage", "mount", "stage",
               "maintain", "establish", "develop", "build", "pursue", "expand", "strengthen", "deepen",
               "forge", "seek", "keep", "enjoy", "increase", "renew", "cultivate", "show", "play", "offer", "give",
               "provide", "express", "receive", "get", "gain", "secure", "need", "want", "use", "continue", "hold",
               "sign", "reach", "conduct", "launch", "open", "resume", "start", "begin", "promise", "pledge",
               "announce", "extend", "boost", "restore", "seal", "conclude", "propose", "approve", "send", "commit",
               "swear", "reaffirm",
               "carry", "order", "plan", "attempt", "claim", "mastermind", "reiterate", "repeat", "issue", "make",
               "voice", "declare", "put", "exert", "apply"}
ORG_NOUNS = {"agency", "party", "group", "newspaper", "daily", "weekly", "paper", "magazine", "company", "firm",
             "bank", "institute", "university", "ministry", "service", "network", "organization", "organisation",
             "council", "committee", "movement", "union", "club", "team", "channel", "station", "broadcaster",
             "carrier", "airline", "corporation", "conglomerate", "militia", "faction", "alliance", "coalition",
             "federation", "association", "foundation", "court", "parliament", "army", "force", "forces",
             "league", "society", "center", "centre", "museum", "academy", "forum", "institution"}
OFFICES = {"president", "vice president", "prime minister", "minister", "foreign minister", "defense minister",
           "vice-president", "chief of staff", "ambassador", "senator", "governor", "chancellor", "king", "queen"}
RELATIVE = {"who", "which", "that", "whom", "whose"}
QUANTITY = {"hundred", "thousand", "dozen", "million", "some", "many", "all", "most", "part", "rest", "majority",
            "number", "group", "network", "faction", "cell", "unit", "wing", "element", "member", "remnant",
            "one", "two", "three", "several", "each", "none", "score", "handful", "crowd", "band", "ten"}
AFFIXES = ("anti", "pro", "non")  # stance prefixes: "anti-American", "pro-Russian" name attitudes, not actors
MEASURES = {"ton", "tonne", "barrel", "kilogram", "kilo", "gallon", "liter", "litre", "shipment", "cargo", "load",
            "consignment", "batch", "crate", "container", "round", "billion", "trillion"}
ORDERS = {"order", "orders", "instruction", "behest", "command", "direction", "request"}
PLACE_NOUNS = {"town", "city", "village", "province", "region", "district", "state", "port", "capital", "island"}
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
INSTANCE_ADVERBS = {"especially", "notably", "particularly", "chiefly", "mainly", "namely", "primarily", "principally"}
INSTRUMENTS = {"shot", "bullet", "bomb", "missile", "rocket", "grenade", "shell", "round", "gun", "rifle"}


def light_verb(token: Token) -> bool:
    """A light verb, also where the lemmatizer cut an '-ed' form short of its final e ('waged' -> 'wag')."""
    lower = token.lower_
    return token.lemma_.lower() in LIGHT_VERBS or (lower.endswith("ed") and lower[:-1] in LIGHT_VERBS)


def hostile_act(clause: Token, lex: Lexicon) -> bool:
    """The refused act is itself hostile: its verb is a hostility trigger, or it takes up a hostile act ('join
    sanctions'). Refusing to lift sanctions on Y stays hostile to Y."""
    if any(t.kind == "OPPOSES" for t in lex.triggers.get((clause.lemma_.lower(), "verb"), ())):
        return True
    return clause.lemma_.lower() in lex.frames["taking_up"] and any(
        t.kind == "OPPOSES" for c in clause.children if c.dep_ == "dobj"
        for t in lex.triggers.get((c.lemma_.lower(), "noun"), ()))


def counted(noun: Token) -> Token:
    """What a count or a measure counts: 'millions of tons of wheat' -> wheat; any other noun is itself."""
    for _ in range(3):
        if noun.lemma_.lower() not in QUANTITY and noun.lemma_.lower() not in MEASURES and noun.pos_ != "NUM":
            break
        inner = next((p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj"), None)
        if inner is None:
            break
        noun = inner
    return noun


def goods_kind(goods: list[Token], lex: Lexicon) -> str | None:
    """The tie kind what is moved names (transfers.tsv): 'weapons' ARMS, 'hundreds of drones' (what is counted,
    before the count), 'political and diplomatic support' (a conjunct), 'arms sales' (a compound)."""
    for good in [*(counted(g) for g in goods), *goods]:
        for item in [good, *good.conjuncts]:
            for word in [item, *(c for c in item.children if c.dep_ == "compound")]:
                kind = lex.transfers.get(word.lemma_.lower())
                if kind:
                    return kind
    return None
