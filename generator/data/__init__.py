"""Stage 1 — loading and checking the data: YAML with positions, file formats, cross-file rules, results, and the
assembled model the later stages read."""
