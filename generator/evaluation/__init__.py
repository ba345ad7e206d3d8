"""Stage 2 — evaluation: achievement rates and grades (pure functions), and one year's check of a plan."""
