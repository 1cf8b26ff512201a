"""Ties read from how a named actor is described: titles before names ('President X'), and the modifiers,
appositions and phrases around a name ('X of the FBI', 'a native of Y', 'founded in Z', 'X (PARTY)')."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from claimgraph.extract.arguments import Arguments, is_passive
from claimgraph.extract.found import Found, is_language, the_city
from claimgraph.extract.nouns import left_modifiers
from claimgraph.extract.words import OFFICES, ORG_NOUNS
from claimgraph.lexicon import Lexicon, alias_key
from claimgraph.model import Mention


def titles(sent: Span, args: Arguments, lex: Lexicon) -> Iterator[Found]:
    doc = sent.doc
    for mention in [m for m in args.found.starting_in(sent.start, sent.end) if m.type == "Person"]:
        words: list[str] = []
        i = mention.tok_start - 1
        while i >= sent.start and (doc[i].lower_.rstrip(".") in lex.titles or doc[i].lower_ in ("vice", "of")
                                   or (doc[i].text == "." and i > sent.start and doc[i - 1].lower_ in lex.titles)):
            if doc[i].text != ".":  # "Lt. Steve Hardy": the abbreviation's point, split off by the tokenizer
                words.insert(0, doc[i].lower_.rstrip("."))
            i -= 1
        title = " ".join(w for w in words if w not in ("former", "then", "acting", "mr", "mrs", "ms", "dr"))
        if i >= sent.start:
            yield from _body_title_name(doc, mention, i, sent.start, title, args)
        if title not in OFFICES or not mention.country:
            continue
        if i >= sent.start and args.found.at(doc[i]) is not None:
            continue  # "Venezuelan Vice President X": the noun pattern reads the named state
        state = lex.state(mention.country)
        if state is None:
            continue
        target = Mention(start=mention.start, end=mention.end, text=state.name, type="State", name=state.name,
                         key=state.key, country=state.country, label="title", tok_start=-1, tok_end=-1)
        yield Found(mention, "MEMBER_OF", target, doc[i + 1], 0.6, "title", role=title)


def _body_title_name(tokens: Doc, mention: Mention, i: int, first: int, title: str,
                     args: Arguments) -> Iterator[Found]:
    """'Coast Guard Lt. Steve Hardy', 'ITAR-TASS correspondent Leonid Vinogradov', 'Gazprom senior manager X': a
    body's name, a title, a name, side by side. Read from the words, whatever the parser made of them."""
    j = i
    while j >= first and (tokens[j].lower_ in args.lex.frames["ranks"] or _post_noun(tokens[j], args)):
        j -= 1  # "Gazprom senior manager X": a role noun the title list does not hold, and its ranks
    if not title and j == i:
        return
    body = args.found.at(tokens[j]) if j >= first else None
    if body is None or body.tok_end != j + 1 or body.type in ("Person", "Place", "State") or body.key == mention.key:
        return
    if body.tok_start > first and tokens[body.tok_start - 1].lower_ in ("of", "and", "&"):
        return  # "the High Command of Jihad and Liberation leader X": the name the tagger cut began earlier
    if _title_words(body, tokens):
        return
    if body.type == "Agency" and any(tokens[k].lemma_.lower() in args.lex.frames["press_titles"]
                                     for k in range(j + 1, mention.tok_start)):
        return  # "VOA White House correspondent X": the White House is the beat; the noun pattern reads VOA
    role = " ".join(t.lower_.rstrip(".") for t in tokens[j + 1 : mention.tok_start])
    yield Found(mention, "MEMBER_OF", body, tokens[j + 1], 0.55, "organisation-role", role=role)


def _title_words(body: Mention, doc: Doc) -> bool:
    """'Turkish Presidential Advisor X': an untyped name the tagger cut before a title may be the title's own
    words. A typed body, a known one, one named by its head noun ('Institute') or an initialism is a body."""
    named = doc[body.tok_start : body.tok_end]
    return body.type == "Group" and body.label != "gazetteer" and named.root.lemma_.lower() not in ORG_NOUNS \
        and not named.text.isupper()


def _post_noun(token: Token, args: Arguments) -> bool:
    return token.is_lower and token.pos_ == "NOUN" and _role_noun(token, args.lex)


def modifiers(sent: Span, args: Arguments) -> Iterator[Found]:
    doc = sent.doc
    for mention in args.found.starting_in(sent.start, sent.end):
        if mention.type in ("Place", "State") or mention.label == "collective":
            continue
        root = doc[mention.tok_start : mention.tok_end].root  # "DIHK Chambers of Commerce": Chambers
        if mention.label == "demonym" and mention.type == "Agency":  # "Russian security services"
            if _owned_by_organisation(root, mention, args):
                continue  # "the BBC's Persian service", "VOA's Somali Service": the owner's, not the state's
            state = args.found.at(doc[mention.tok_start])
            yield from _state_of(mention, doc[mention.tok_start], args, "MEMBER_OF")
            if state is not None:
                continue
        if mention.type == "Person":
            yield from _organisation_role(mention, root, args)
        # "an Asian NATO", "a new Hezbollah": a name with an indefinite article is a kind of thing, not the actor
        kind_of = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in root.children)
        for child in [] if kind_of else _np_modifiers(root, mention):
            other = args.found.at(child)
            if other is None or other is mention or other.key == mention.key:
                continue
            if other.type in ("State", "Place"):
                kind = "MEMBER_OF" if mention.type in ("Agency", "Person") and other.type == "State" else "OPERATES_IN"
                if mention.type == "Person" and other.type == "Place" and child.dep_ != "poss" \
                        and (child.head.pos_ == "NOUN" or child.head.lower_ in args.lex.frames["residents"]) \
                        and child.head.i < mention.tok_start:
                    yield Found(mention, "OPERATES_IN", other, child, 0.5, "modifier")  # "Atlanta businessman X"
                    continue
                if mention.type == "Person" and child.dep_ != "poss":
                    continue  # "Russian economist X" is a nationality, not a claim; titles are read elsewhere
                yield Found(mention, kind, other, child, 0.6, "modifier")
                if kind == "MEMBER_OF" and mention.type == "Agency" and mention.label != "gazetteer":
                    # "the German Bundestag" sits in Germany too (a known agency's seat is already its country)
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
    """'Tabcorp, Australia's largest bookmaker', 'Grupo Bimbo, a Mexican baking company', 'Sino Land, a Hong Kong
    developer': a descriptor set beside a name, of a country or place. A relation noun ('an Iranian proxy', 'a
    Russian ally') names a tie of its own, read by the noun patterns, not where the actor is."""
    for noun in (c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"):
        if noun.lemma_.lower() in args.relation_nouns:
            continue
        described = args.found.at(noun)
        if described is not None:  # "a Mexican baking company" is read as a demonym phrase: its country
            demonym = noun.doc[described.tok_start]  # "Mexican"
            state = _country_state(described.country, demonym, args) if described.label == "demonym" else None
            if state is not None and described.type != "State" and state.key != mention.key:
                kind = "MEMBER_OF" if mention.type == "Agency" else "OPERATES_IN"
                yield Found(mention, kind, state, demonym, 0.5, "descriptor")
            continue
        for child in noun.children:
            other = args.found.at(child)
            if child.i > noun.i or other is None or other.type not in ("State", "Place") \
                    or child.dep_ not in ("poss", "amod", "compound", "nmod") or other.key == mention.key:
                continue
            if child.dep_ == "poss":
                yield Found(mention, "OPERATES_IN", other, child, 0.55, "descriptor")
            elif mention.type == "Agency" and other.type == "State":
                yield Found(mention, "MEMBER_OF", other, child, 0.55, "descriptor")  # "the FSB, a Russian agency"
            else:
                yield Found(mention, "OPERATES_IN", the_city(other), child, 0.5, "descriptor")


def _born(mention: Mention, root: Token, args: Arguments) -> Iterator[Found]:
    """'Illinois-born Charlton Heston', 'the Texas born singer X': born there."""
    if mention.type != "Person":
        return
    descriptors = [root, *(c for c in root.children if c.dep_ == "compound" and c.i < mention.tok_start)]
    for born in (c for d in descriptors for c in d.children if c.lower_ == "born" and c.i < mention.tok_start):
        for child in born.children:
            place = args.found.at(child)
            if place is not None and place.type in ("Place", "State") and child.i < born.i:
                yield Found(mention, "OPERATES_IN", the_city(place), born, 0.6, "born")
    first = root.doc[mention.tok_start]
    if first.i >= 2 and root.doc[first.i - 1].lower_ == "born":  # "Texas born Buddy Holly"
        place = args.found.at(root.doc[first.i - 2])
        if place is not None and place.type in ("Place", "State"):
            yield Found(mention, "OPERATES_IN", the_city(place), root.doc[first.i - 1], 0.55, "born")


FOUNDING = {"found", "establish", "open", "register", "launch", "create", "set"}


def founded_in(sent: Span, args: Arguments) -> Iterator[Found]:
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
                yield Found(org.mention, "OPERATES_IN", the_city(place.mention), verb, 0.55, "founded-in")


def native(sent: Span, args: Arguments) -> Iterator[Found]:
    """'in his native South Carolina', 'her home state of Ohio': the possessor's home."""
    doc = sent.doc
    for place in [m for m in args.found.starting_in(sent.start, sent.end) if m.type in ("Place", "State")]:
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
        mods = left_modifiers(child)  # and the title's possessor: "Hezbollah's secretary general X"
        for modifier in mods + [p for t in (child, *mods) for p in t.children if p.dep_ == "poss"]:
            org = args.found.at(modifier)
            if org is not None and org.type == "Agency" and child.lemma_.lower() in args.lex.frames["press_titles"]:
                continue  # "VOA White House correspondent X": the White House is the beat, VOA the employer
            if org is not None and org.type not in ("Person", "Place", "State") \
                    and not (child.pos_ == "PROPN" and _title_words(org, root.doc)):
                yield Found(mention, "MEMBER_OF", org, child, 0.55, "organisation-role", role=child.lower_)
                return
    # "X, acting comptroller at the University": a role noun with "at" an organisation
    for noun in [c for c in root.children if c.dep_ == "appos"] + (
            [root.head] if root.dep_ == "nsubj" and root.head.lemma_ == "be" else []):
        targets = [noun] if noun.pos_ == "NOUN" else [c for c in noun.children if c.dep_ == "attr"]
        for target in targets:
            if target.lemma_.lower() in args.relation_nouns and not _role_noun(target, args.lex):
                continue  # "an ally of X" carries its own tie; "representative ... at the Ministry" is a role
            # "professor of economics at the University", "a scientist with the Center", "columnist for AP"
            places = [target, *(p for c in target.children if c.dep_ == "prep" and c.lower_ == "of"
                                for p in c.children if p.dep_ == "pobj" and args.found.at(p) is None)]
            for actor in (a for t in places for a in args.prep_objects(t, {"at", "with", "for"})):
                if actor.mention.type not in ("Person", "Place", "State"):
                    yield Found(mention, "MEMBER_OF", actor.mention, target, 0.5, "organisation-role",
                                role=target.lower_)


def _owned_by_organisation(root: Token, mention: Mention, args: Arguments) -> bool:
    """An organisation other than the phrase itself possesses it ("Russia's military intelligence" is one phrase)."""
    return any(c.dep_ == "poss" and (m := args.found.at(c)) is not None and m.key != mention.key
               and m.type not in ("State", "Place", "Person") for c in root.children)


def _role_noun(noun: Token, lex: Lexicon) -> bool:
    """A relation noun that names a post ('representative', 'member'): its holder belongs where it is held."""
    rows = lex.triggers.get((noun.lemma_.lower(), "noun"), ())
    return bool(rows) and all(row.kind == "MEMBER_OF" for row in rows)


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
        if any(t.text in ("/", "|") for t in root.doc[child.i + 1 : mention.tok_start]):
            continue  # "ISLAMABAD/PENTAGON —": two datelines side by side, not a modifier
        out.append(child)
        if child.pos_ == "NOUN":  # the descriptor's own modifiers
            out.extend(c for c in child.children if c.dep_ in ("compound", "amod", "nmod", "poss") and c.i < child.i)
    return out


def _state_of(mention: Mention, token: Token, args: Arguments, kind: str) -> Iterator[Found]:
    target = _country_state(mention.country, token, args)
    if target is not None:
        yield Found(mention, kind, target, token, 0.6, "demonym")


def _country_state(country: str | None, token: Token, args: Arguments) -> Mention | None:
    """The state a demonym phrase's country code names, as a mention at TOKEN."""
    actor = args.lex.state(country)
    if actor is None:
        return None
    return Mention(start=token.idx, end=token.idx + len(token.text), text=token.text, type="State",
                   name=actor.name, key=actor.key, country=country, label="demonym",
                   tok_start=token.i, tok_end=token.i + 1)


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
                if is_language(place, root.doc) or not place.text[:1].isupper():
                    continue  # "Radio Reloj in Spanish": a language, not a place
                if place.type in ("State", "Place") and place.key != mention.key:
                    yield Found(mention, "OPERATES_IN", the_city(place), prep, 0.5, "organisation-in")
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
        native = appos.lemma_.lower() in args.lex.frames["residents"]  # "X, a native of Y", "X, a Fargo resident"
        for actor in args.prep_objects(appos, {"from", "of"} if native else {"from"}):
            if actor.mention.type in ("Place", "State"):  # "Derwinski, a Republican from Chicago"
                yield Found(mention, "OPERATES_IN", actor.mention, appos, 0.5, "person-prep")
        for child in left_modifiers(appos):  # "Bakst, a West Palm Beach lawyer" (a town; a country is nationality)
            place = args.found.at(child)
            if place is not None and (place.type == "Place" or native and place.type == "State") \
                    and child.dep_ != "poss":
                yield Found(mention, "OPERATES_IN", place, appos, 0.5, "person-prep")
    if root.dep_ == "nsubj" and root.head.lemma_ in ("be", "hail"):  # "Mrs. Tsuruyama is from Yatsushiro"
        for actor in args.prep_objects(root.head, {"from"}):
            if actor.mention.type in ("Place", "State"):
                yield Found(mention, "OPERATES_IN", actor.mention, root.head, 0.5, "person-prep")
    for head in heads:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "at", "from"):
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                for actor in args.actors(pobj):
                    other = actor.mention
                    doc = pobj.doc  # "X of Istanbul's Kadir Has University": the university is X's, the city
                    owner_only = not (other.tok_start <= pobj.i < other.tok_end) or (  # only the university's
                        other.tok_end < len(doc) and doc[other.tok_end].tag_ == "POS")
                    if other.type in ("Place", "State") and prep.lower_ in ("of", "from") and not owner_only:
                        yield Found(mention, "OPERATES_IN", other, prep, 0.6, "person-prep")
                    elif other.type not in ("Place", "State", "Person") and prep.lower_ in ("at", "of"):
                        yield Found(mention, "MEMBER_OF", other, prep, 0.55, "person-prep")
