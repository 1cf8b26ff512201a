"""Reading the graph: an entity's ties with their evidence (graph algorithms come with igraph)."""
