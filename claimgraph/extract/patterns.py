"""Every pattern family in one list, each with one signature: (sentence, arguments, lexicon) -> relations found.

A new family is a module with such a function, added here. Mentions are found before any pattern runs
(mentions.py) and references are resolved by `Arguments`; a pattern never changes a mention, it only reads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Span

from claimgraph.extract.activities import alleged
from claimgraph.extract.arguments import Arguments
from claimgraph.extract.compounds import hyphenated
from claimgraph.extract.found import Found
from claimgraph.extract.joint import joint
from claimgraph.extract.nominal import (
    advocacy,
    attributes,
    named_after_relation,
    presence,
    refusals,
    transfer_nouns,
    undoing,
)
from claimgraph.extract.parties import party_labels
from claimgraph.extract.penalties import penalties
from claimgraph.extract.relations import relations
from claimgraph.lexicon import Lexicon

Pattern = Callable[[Span, Arguments, Lexicon], Iterator[Found]]

PATTERNS: tuple[Pattern, ...] = (
    relations,  # verbs, nouns, adjectives, affixes, titles, modifiers (relations.py)
    alleged,  # accusations and activities: ALLEGED (activities.py)
    joint,  # acting together: 'along with', 'alongside', 'in coordination with' (joint.py)
    hyphenated,  # 'the Russian-Iranian pact', 'a U.S.-designated group' (compounds.py)
    named_after_relation,  # 'Morocco's rival Algeria', 'Russia's ally Belarus' (nominal.py)
    advocacy,  # 'called for X's release' (nominal.py)
    undoing,  # 'welcomed the closure of X', 'condemned the arrest of Y' (nominal.py)
    transfer_nouns,  # "North Korea's arms transfers to Russia" (nominal.py)
    presence,  # 'Russian troops in Syria', 'U.S. bases in Japan' (nominal.py)
    attributes,  # 'counter Chinese influence', 'curb Russia's expansion' (nominal.py)
    party_labels,  # 'Republican Senator X', 'X, a Democrat from Ohio' (parties.py)
    penalties,  # 'Iran faces U.S. sanctions', 'Venezuela, under EU sanctions' (penalties.py)
    refusals,  # 'X refused to sell arms to Y': X rejects Y (nominal.py)
)
