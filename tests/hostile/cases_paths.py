"""Issue 25: folders that only look like plansite's, link loops and links leading out of the data, commands that
stop half-way. Each is a clean message; nothing outside the command's own output changes (test_corpus.py)."""

from __future__ import annotations

from .corpus import PLAN_2019, PLAN_2024, RESULTS_2021, Case

RESULTS_2019 = "results/seoul-citizen-participation-2019"
LOOP = "a symbolic link loop (the link leads back to itself); fix or remove the link"
LOOKS_LIKE_A_SITE = (
    ("www/index.html", b"<h1>our own page</h1>"),
    ("www/404.html", b"<h1>lost</h1>"),
    ("www/sitemap.xml", b"<urlset/>"),
    ("www/static/logo.png", b"\x89PNG our logo"),
    ("www/report.docx", b"PK\x03\x04 the council report"),
)

CASES = [
    Case(
        "out-looks-like-an-old-site",
        "data-loss",
        "",
        files=LOOKS_LIKE_A_SITE,
        args=("build", "--out", "www"),
        exit_code=2,
        expect=("plansite: www: is not empty and was not written by plansite build",),
        kept=("www/report.docx", "www/static/logo.png"),
    ),
    Case(
        "out-is-a-link-loop",
        "traceback",
        "",
        links=(("loop", "loop"),),
        args=("build", "--out", "loop"),
        exit_code=2,
        expect=(f"plansite: loop: {LOOP}",),
    ),
    Case(
        "cache-dir-is-a-link-loop",
        "traceback",
        "",
        links=(("loop", "loop"),),
        args=("build", "--out", "site-out", "--cache-dir", "loop"),
        exit_code=2,
        expect=(f"plansite: loop: {LOOP}",),
    ),
    Case(
        "results-is-a-link-loop",
        "traceback",
        "",
        links=(("loop", "loop"),),
        args=("validate", "--results", "loop"),
        exit_code=2,
        expect=(f"plansite: loop: {LOOP}",),
    ),
    Case(
        "link-leaving-plans",
        "traceback",
        "",
        links=((f"{PLAN_2024}/projects/9-9-9.yaml", "/etc/hostname"),),
        expect=("is a symbolic link leading out of plans, so it was not read",),
    ),
    Case(
        "link-leaving-results",
        "traceback",
        "",
        links=((f"{RESULTS_2019}/2023", "/etc"),),
        expect=("'2023' is a symbolic link leading out of results, so it was not read",),
    ),
    Case(
        "results-plan-links-to-itself",
        "skip",
        "",
        rename=(RESULTS_2019, "results-elsewhere"),
        links=((RESULTS_2019, "seoul-citizen-participation-2019"),),
        expect=("'seoul-citizen-participation-2019' is a symbolic link loop (it leads back to itself)",),
    ),
    Case(
        "new-year-meets-a-dangling-link",
        "data-loss",
        "",
        links=(("results/seoul-citizen-participation-2024/2025/projects/1-2-2.yaml", "/nowhere/1-2-2.yaml"),),
        args=("new-year", "seoul-citizen-participation-2024", "2025"),
        exit_code=2,
        expect=("1-2-2.yaml: is a symbolic link to nothing, so nothing was written",),
    ),
    Case(
        "pdf-out-inside-a-plan",
        "data-loss",
        "",
        args=("pdf", "seoul-citizen-participation-2019", "2021", "--out", f"{PLAN_2019}/report.pdf"),
        exit_code=2,
        expect=("refusing to write inside the data folder plans",),
    ),
    Case(
        "pdf-out-inside-results",
        "data-loss",
        "",
        args=("pdf", "seoul-citizen-participation-2019", "2021", "--out", f"{RESULTS_2021}/report.pdf"),
        exit_code=2,
        expect=("refusing to write inside the data folder results",),
    ),
    Case(
        "init-into-a-link-loop",
        "traceback",
        "",
        links=(("loop", "loop"),),
        args=("init", "loop", "--plansite-source", "plansite==0.1.0"),
        exit_code=2,
        expect=(f"plansite: loop: {LOOP}",),
    ),
    Case(
        "schema-meets-a-dangling-link",
        "data-loss",
        "",
        links=(("schemas/check.schema.json", "/nowhere/check.schema.json"),),
        args=("schema",),
        exit_code=2,
        expect=("check.schema.json: exists and is not a schema plansite wrote",),
    ),
]
