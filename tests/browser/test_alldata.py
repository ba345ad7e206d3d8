"""All the data in one file, as a reader gets it: the zip downloaded from the served site's home page and data
dictionary holds a README in each language and every file the site offers for download, byte for byte as the
site serves it (issue 29's acceptance)."""

from __future__ import annotations

import io
import zipfile

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["index.html", "en/data.html"])
def test_the_zip_downloaded_from_the_site_holds_its_downloads_and_a_readme_in_each_language(
    browser, base_url: str, path: str
) -> None:
    context = browser.new_context(accept_downloads=True)
    try:
        page = context.new_page()
        page.goto(base_url + path)
        link = page.locator("main a[download][href$='-data.zip']")
        with page.expect_download() as download:
            link.click()
        archive = zipfile.ZipFile(io.BytesIO(download.value.path().read_bytes()))
        names = archive.namelist()
        [top] = {name.split("/", 1)[0] for name in names}
        assert f"{top}.zip" == download.value.suggested_filename
        assert {f"{top}/README.ko.md", f"{top}/README.en.md"} <= set(names)
        assert "## 인용" in archive.read(f"{top}/README.ko.md").decode("utf-8")
        assert "## How to cite" in archive.read(f"{top}/README.en.md").decode("utf-8")
        files = [name for name in names if not name.split("/")[-1].startswith("README.")]
        assert any(name.endswith("/results-2021.csv") for name in files)
        for name in files:
            served = page.request.get(base_url + "data/" + name.split("/", 1)[1])
            assert served.ok and served.body() == archive.read(name), name
    finally:
        context.close()
