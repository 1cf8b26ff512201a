"""claimgraph: rebuild the network of actors that reports describe, as claims anchored in their sentences."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("claimgraph")
except PackageNotFoundError:  # pragma: no cover
    __version__ = "0.0.0"

from claimgraph.pipeline import BuildSummary, build  # noqa: E402

__all__ = ["BuildSummary", "__version__", "build"]
