"""Data files that steer extraction (triggers, cues, gazetteer). Loaded by claimgraph.extract.lexicon_data."""
