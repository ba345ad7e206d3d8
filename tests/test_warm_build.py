"""What `serve` keeps between builds (`WarmBuild`): a save re-reads, re-renders and re-writes only what it changed,
and the site it publishes is the one a clean build makes."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest

from generator.data import yamlsource
from generator.data.layout import find_repository
from generator.site.build import WarmBuild, build_site


def _same_tree(first: Path, second: Path) -> None:
    left = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    right = sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert left == right
    _, mismatch, errors = filecmp.cmpfiles(first, second, [str(p) for p in left], shallow=False)
    assert mismatch == [] and errors == []


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
def test_a_warm_rebuild_renders_only_the_pages_an_edit_changed_and_equals_a_clean_build(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    repository = find_repository()
    warm = WarmBuild()
    first = build_site(repository, Path("output"), warm=warm)
    assert warm.rendered == first.pages

    build_site(repository, Path("output"), warm=warm)
    assert warm.rendered == 0  # nothing changed: every page kept

    project = Path("plans/demo/projects/1-1-2.yaml")
    project.write_text(project.read_text(encoding="utf-8").replace("사업 둘", "고친 사업"), encoding="utf-8")
    parsed: list[str] = []
    real_load = yamlsource.load_document
    monkeypatch.setattr(
        "generator.data.schemacheck.load_document", lambda path: parsed.append(path.name) or real_load(path)
    )
    build_site(repository, Path("output"), warm=warm)
    assert parsed == ["1-1-2.yaml"]  # the other files were not parsed again
    # The Korean pages that show the project's title; the English ones do not change.
    assert 0 < warm.rendered < first.pages
    assert "고친 사업" in Path("output/plans/demo/projects/1-1-2.html").read_text(encoding="utf-8")

    build_site(repository, Path("clean"))
    _same_tree(Path("output"), Path("clean"))


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
def test_a_warm_rebuild_links_the_files_it_did_not_change_and_writes_the_others() -> None:
    repository = find_repository()
    warm = WarmBuild()
    build_site(repository, Path("output"), warm=warm)
    style = Path("output/static/style.css").stat().st_ino
    page = Path("output/plans/demo/projects/1-1-2.html").stat().st_ino

    project = Path("plans/demo/projects/1-1-2.yaml")
    project.write_text(project.read_text(encoding="utf-8").replace("사업 둘", "고친 사업"), encoding="utf-8")
    build_site(repository, Path("output"), warm=warm)
    assert Path("output/static/style.css").stat().st_ino == style  # the same file, linked into the new site
    assert Path("output/plans/demo/projects/1-1-2.html").stat().st_ino != page


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
def test_a_template_edit_renders_every_page_again(tmp_path: Path) -> None:
    theme = tmp_path / "theme"
    theme.mkdir()
    base = (Path(__file__).parents[1] / "generator/site/theme/templates/base.html").read_text(encoding="utf-8")
    (theme / "base.html").write_text(base, encoding="utf-8")
    Path("site.yaml").write_text("site_name: {ko: 시험, en: Test}\ntheme_dir: theme\n", encoding="utf-8")
    repository = find_repository()
    warm = WarmBuild()
    pages = build_site(repository, Path("output"), warm=warm).pages

    (theme / "base.html").write_text(base.replace("</body>", "<!-- our own -->\n</body>"), encoding="utf-8")
    build_site(repository, Path("output"), warm=warm)
    assert warm.rendered == pages
    assert "<!-- our own -->" in Path("output/index.html").read_text(encoding="utf-8")
