"""Stage 3 — the site: page models, charts, Markdown, open data, the theme, the atomic build and the preview."""
