"""Finding the claims in an article: sentences -> statements -> kind, debris,
repeats, mood and check-worthiness. Pure functions of the text: no store, no I/O."""
