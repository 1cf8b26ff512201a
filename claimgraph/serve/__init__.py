"""The web view: a read-only JSON API over the store and a static page that draws the network."""

from claimgraph.serve.app import create_app

__all__ = ["create_app"]
