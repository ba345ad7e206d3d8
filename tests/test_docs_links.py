"""Every image and relative link in README.md and docs/ points to a file or folder that git tracks.

The README once showed screenshots that `.gitignore` kept out of the repository: they existed on the author's disk,
so the page looked right locally and broken everywhere else. The check therefore asks git, not the file system.
"""

from __future__ import annotations

import os
import posixpath
import shutil
import subprocess
from collections.abc import Mapping
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import markdown
import pytest

from .conftest import ROOT


class _LinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        wanted = {"a": "href", "img": "src"}.get(tag)
        self.links.extend(value for name, value in attrs if name == wanted and value is not None)


def extract_links(text: str) -> list[str]:
    """The targets of every link and image in Markdown `text`, in order.

    Rendering with a real Markdown parser rather than matching brackets with a regex resolves reference-style
    links, and leaves out the paths the README quotes in code spans and code blocks, which are not links.
    """
    collector = _LinkCollector()
    collector.feed(markdown.markdown(text, extensions=["fenced_code", "tables"]))
    collector.close()
    return collector.links


def repository_path(link: str, document: str) -> str | None:
    """The repository path `link` in `document` (a repository path) points to; None if it points elsewhere."""
    parts = urlsplit(link)
    # http, https, mailto and any other scheme or host lead outside the repository.
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    # A pure "#anchor" (or "?query") stays on the same page.
    if not path:
        return None
    # GitHub resolves a leading "/" from the repository root, everything else from the document's folder.
    base = "" if path.startswith("/") else posixpath.dirname(document)
    return posixpath.normpath(posixpath.join(base, path.lstrip("/")))


def broken_links(documents: Mapping[str, str], tracked: frozenset[str]) -> list[str]:
    """`file: link` for every link in `documents` (repository path → Markdown text) whose target is not tracked."""
    broken: list[str] = []
    for name, text in sorted(documents.items()):
        for link in extract_links(text):
            target = repository_path(link, name)
            if target is not None and target not in tracked:
                broken.append(f"{name}: {link}")
    return broken


def _git(*arguments: str, cwd: Path, env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", *arguments], cwd=cwd, env=env, capture_output=True, timeout=60)


def git_toplevel(path: Path) -> Path:
    """The root of the git checkout holding `path`; skips the test when there is no git or no checkout."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed, so which files are tracked cannot be known")
    result = _git("rev-parse", "--show-toplevel", cwd=path)
    if result.returncode != 0:
        reason = result.stderr.decode(errors="replace").strip()
        pytest.skip(f"{path} is not a git checkout, so which files are tracked cannot be known ({reason})")
    return Path(result.stdout.decode().strip()).resolve()


def tracked_paths(toplevel: Path, env: Mapping[str, str] | None = None) -> frozenset[str]:
    """Paths, relative to `toplevel`, of the files git tracks and of every folder holding one ("." for the root).

    A file still in the index but already deleted from the working tree is left out: the link to it is broken
    as soon as the deletion is committed.
    """
    result = _git("ls-files", "-z", cwd=toplevel, env=env)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    # -z keeps non-ASCII names unquoted; surrogateescape keeps names that are not UTF-8 comparable at all.
    names = [name for name in result.stdout.decode("utf-8", "surrogateescape").split("\0") if name]
    paths: set[str] = {"."}
    for name in names:
        if not (toplevel / name).exists():
            continue
        paths.add(name)
        folder = posixpath.dirname(name)
        while folder:
            paths.add(folder)
            folder = posixpath.dirname(folder)
    return frozenset(paths)


def markdown_documents(project: Path, toplevel: Path) -> dict[str, str]:
    """README.md and every Markdown file under docs/, keyed by their path relative to `toplevel`."""
    files = [project / "README.md", *sorted((project / "docs").rglob("*.md"))]
    return {file.relative_to(toplevel).as_posix(): file.read_text(encoding="utf-8") for file in files if file.is_file()}


def test_readme_and_docs_link_only_to_tracked_files() -> None:
    toplevel = git_toplevel(ROOT)
    documents = markdown_documents(ROOT, toplevel)
    # Without the README the check would pass on nothing at all.
    assert "README.md" in {posixpath.basename(name) for name in documents}
    broken = broken_links(documents, tracked_paths(toplevel))
    if broken:
        pytest.fail(
            f"{len(broken)} link(s) in README.md or docs/ point to no file or folder tracked by git "
            "(missing, moved, untracked or git-ignored):\n" + "\n".join(broken),
            pytrace=False,
        )


def test_extract_links_reads_inline_reference_and_html_links_but_not_code() -> None:
    text = """\
![Home](docs/shot.png) and [the format](docs/format.md "title") and [a folder](<docs/my folder/>).
A [reference link][fmt] and a ![reference image][img], an <https://example.org> autolink.
<img src="docs/raw.png" alt="raw HTML">

Paths quoted as code are not links: `[no](code-span.md)`.

```sh
echo "[no](fenced-block.md)"
```

[fmt]: docs/reference.md
[img]: docs/reference.png
"""
    assert extract_links(text) == [
        "docs/shot.png",
        "docs/format.md",
        "docs/my folder/",
        "docs/reference.md",
        "docs/reference.png",
        "https://example.org",
        "docs/raw.png",
    ]


def test_broken_links_lists_every_broken_link_as_file_and_link() -> None:
    tracked = frozenset({".", "README.md", "docs", "docs/guide.md", "docs/screenshots", "docs/screenshots/home.png"})
    documents = {
        "README.md": """\
| ![Home](docs/screenshots/home.png) | ![Report](docs/screenshots/report-2021.png) |

See [the guide](docs/guide.md#editing), [the folder](docs/), [open data](docs/open-data.md),
[the site](https://example.org/), [mail](mailto:office@example.org), [this section](#layout)
and the [moved page][moved].

[moved]: docs/moved.md
""",
        "docs/guide.md": """\
Back to the [README](../README.md), the [image](screenshots/home.png), the [root](/README.md),
but not [outside the repository](../../shared/seeds/plan.txt) or [a misspelt file](Guide.md).
""",
    }
    assert broken_links(documents, tracked) == [
        "README.md: docs/screenshots/report-2021.png",
        "README.md: docs/open-data.md",
        "README.md: docs/moved.md",
        "docs/guide.md: ../../shared/seeds/plan.txt",
        "docs/guide.md: Guide.md",
    ]


def test_tracked_paths_leave_out_untracked_ignored_and_deleted_files(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    # A GIT_DIR or GIT_INDEX_FILE inherited from a hook would point these commands at the real repository.
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    (tmp_path / ".gitignore").write_text("screenshots/\n", encoding="utf-8")
    for name in ("README.md", "docs/guide.md", "docs/screenshots/home.png", "docs/gone.md", "docs/new.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    for command in (("init", "-q"), ("add", ".gitignore", "README.md", "docs/guide.md", "docs/gone.md")):
        assert _git(*command, cwd=tmp_path, env=env).returncode == 0
    (tmp_path / "docs" / "gone.md").unlink()

    tracked = tracked_paths(tmp_path, env=env)

    assert {".", "README.md", "docs", "docs/guide.md"} <= tracked
    # The original bug: the unanchored "screenshots/" rule also kept docs/screenshots/ out of git.
    assert "docs/screenshots/home.png" not in tracked
    assert "docs/screenshots" not in tracked
    assert "docs/new.md" not in tracked
    assert "docs/gone.md" not in tracked
