"""The few errors claimgraph raises on purpose; the CLI turns each into one line and a non-zero exit."""


class ClaimgraphError(Exception):
    """Base class: a problem the user can fix (bad input, wrong store, unknown name)."""


class InputError(ClaimgraphError):
    """A path or document that cannot be read."""


class StoreError(ClaimgraphError):
    """The database file is missing, locked, or not a claimgraph store."""


class NotFoundError(ClaimgraphError):
    """A name or id that matches nothing in the store."""


class LexiconError(ClaimgraphError):
    """A lexicon file that says two things of one word, or lacks a field."""
