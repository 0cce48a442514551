"""`make sweep`: the whole shared corpus through the pipeline, and the invariants every document must meet."""
