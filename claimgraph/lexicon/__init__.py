"""The lexicon: the data files that steer extraction and resolution (triggers, cues, word classes, the
gazetteer, demonyms, capitals) and their loader. Below extract/ and resolve/: both read it, it reads neither.

    from claimgraph.lexicon import load
    lex = load()                      # cached: read once per process
    lex.triggers[("fund", "verb")]    # the trigger rows of a word
"""

from claimgraph.lexicon.loader import (
    Actor,
    Lexicon,
    Trigger,
    against,
    alias_key,
    jointly,
    load,
    triggers,
)

__all__ = ["Actor", "Lexicon", "Trigger", "against", "alias_key", "jointly", "load", "triggers"]
