"""The browser editor's server (`plansite edit`): what it reads, checks and writes, and what it refuses."""

from __future__ import annotations

import json
import os
import subprocess
import threading
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from generator.data.layout import find_repository
from generator.edit.documents import DocumentRef, NotADocument
from generator.edit.links import addition
from generator.edit.service import EditService
from generator.site.serve import Request

from .conftest import served_port

PROJECT = Path("plans/demo/projects/1-1-1.yaml")
IDS = {"plan": "demo", "project": "1-1-1"}


def _ask(
    service: EditService,
    method: str,
    target: str,
    body: Any = None,
    *,
    token: str | None = "",
    headers: dict[str, str] | None = None,
) -> tuple[int, Any]:
    sent = {"host": "127.0.0.1:8000", "content-type": "application/json"}
    if token is not None:
        sent["x-plansite-token"] = token or service.token
    sent.update(headers or {})
    raw = json.dumps(body).encode() if body is not None else b""
    answer = service.answer(Request(method, target, sent, raw))
    is_json = answer.content_type.startswith("application/json")
    return answer.status, json.loads(answer.body) if is_json else answer.body


def _opened(service: EditService, kind: str = "project", ids: dict[str, str] = IDS) -> dict[str, Any]:
    query = "&".join(f"{name}={value}" for name, value in {"kind": kind, **ids}.items())
    status, document = _ask(service, "GET", f"/_edit/api/document?{query}")
    assert status == 200, document
    return dict(document)


@pytest.fixture
def service(demo_root: Path) -> EditService:
    return EditService(find_repository(cwd=demo_root))


def _commented(root: Path) -> str:
    """The demo project with comments of the kind an office writes, to see that a save keeps them."""
    text = PROJECT.read_text(encoding="utf-8").replace(
        "    targets: {2024: 5, 2025: 7}\n",
        "    # targets from the plan, p. 12\n    targets: {2024: 5, 2025: 7}  # 건\n",
    )
    (root / PROJECT).write_text(text, encoding="utf-8")
    return text


def test_a_save_changes_only_the_line_of_the_changed_target_and_keeps_the_comments(service: EditService) -> None:
    before = _commented(Path.cwd())
    document = _opened(service)
    document["data"]["indicators"][0]["targets"]["2024"] = 6
    document["data"]["indicators"][0]["total"] = 13
    body = {"kind": "project", "ids": IDS, "data": document["data"], "version": document["version"]}
    status, saved = _ask(service, "POST", "/_edit/api/save", body)
    assert status == 200, saved
    after = PROJECT.read_text(encoding="utf-8")
    changed = [(old, new) for old, new in zip(before.splitlines(), after.splitlines(), strict=True) if old != new]
    assert changed == [
        ("    targets: {2024: 5, 2025: 7}  # 건", "    targets: {2024: 6, 2025: 7}  # 건"),
        ("    total: 12", "    total: 13"),
    ]
    assert "# targets from the plan, p. 12" in after
    assert saved["version"] != document["version"]
    assert "+    total: 13" in saved["diff"]


def test_a_non_number_is_reported_beside_its_field_and_nothing_is_written(service: EditService) -> None:
    before = PROJECT.read_bytes()
    document = _opened(service)
    document["data"]["indicators"][0]["targets"]["2024"] = "abc"
    check = {"kind": "project", "ids": IDS, "data": document["data"]}
    status, checked = _ask(service, "POST", "/_edit/api/check", check)
    assert status == 200
    assert not checked["valid"]
    paths = {problem["path"] for problem in checked["here"] if problem["severity"] == "error"}
    assert paths == {"indicators[0].targets.2024"}
    # In both languages, in the validator's words.
    message = next(problem for problem in checked["here"] if problem["severity"] == "error")["message"]
    assert "abc" in message["en"] and "abc" in message["ko"] and message["en"] != message["ko"]
    status, refused = _ask(service, "POST", "/_edit/api/save", {**check, "version": document["version"]})
    assert status == 422 and refused["error"] == "invalid"
    assert PROJECT.read_bytes() == before


def test_a_cross_file_rule_is_checked_too(service: EditService) -> None:
    """An indicator removed from the plan while its results remain: the results file is the one at fault."""
    document = _opened(service)
    document["data"]["indicators"] = []
    status, checked = _ask(
        service, "POST", "/_edit/api/check", {"kind": "project", "ids": IDS, "data": document["data"]}
    )
    assert status == 200 and not checked["valid"]
    assert any(problem["file"].startswith("results/demo/2024/") for problem in checked["elsewhere"])


def test_checking_never_writes_into_the_data_repository(service: EditService, demo_root: Path) -> None:
    def files() -> dict[str, bytes]:
        return {str(p): p.read_bytes() for p in sorted(demo_root.rglob("*")) if p.is_file()}

    before = files()
    document = _opened(service)
    document["data"]["title"]["ko"] = "다른 이름"
    _ask(service, "POST", "/_edit/api/check", {"kind": "project", "ids": IDS, "data": document["data"]})
    assert files() == before


def test_a_file_changed_on_disk_is_not_overwritten_and_both_versions_are_returned(service: EditService) -> None:
    document = _opened(service)
    PROJECT.write_text(PROJECT.read_text(encoding="utf-8").replace("사업 하나", "다른 편집기"), encoding="utf-8")
    on_disk = PROJECT.read_bytes()
    document["data"]["indicators"][0]["targets"]["2024"] = 6
    document["data"]["indicators"][0]["total"] = 13
    body = {"kind": "project", "ids": IDS, "data": document["data"], "version": document["version"]}
    status, conflict = _ask(service, "POST", "/_edit/api/save", body)
    assert status == 409
    assert conflict["disk"]["data"]["title"]["ko"] == "다른 편집기"
    assert conflict["yours"]["data"]["indicators"][0]["targets"]["2024"] == 6
    assert "changed on disk" in conflict["message"]["en"]
    assert PROJECT.read_bytes() == on_disk


@pytest.mark.parametrize(
    ("token", "headers", "status"),
    [
        (None, {}, 403),  # no token
        ("wrong", {}, 403),
        ("", {"origin": "http://evil.example"}, 403),
        ("", {"content-type": "text/plain"}, 415),  # a form post from another page needs no preflight: refused
        ("", {"host": "evil.example:8000"}, 403),  # a name of another site resolving to 127.0.0.1
    ],
)
def test_a_write_without_the_token_or_from_elsewhere_is_refused(
    service: EditService, token: str | None, headers: dict[str, str], status: int
) -> None:
    before = PROJECT.read_bytes()
    document = _opened(service)
    document["data"]["indicators"][0]["total"] = 99
    body = {"kind": "project", "ids": IDS, "data": document["data"], "version": document["version"]}
    answered, refusal = _ask(service, "POST", "/_edit/api/save", body, token=token, headers=headers)
    assert answered == status
    assert refusal["message"]["en"] and refusal["message"]["ko"]
    assert PROJECT.read_bytes() == before


@pytest.mark.parametrize(
    "ids",
    [
        {"plan": "demo", "project": "../../../etc/passwd"},
        {"plan": "../demo", "project": "1-1-1"},
        {"plan": "demo", "project": "1-1-9"},  # well formed, but no such file
        {"plan": "demo"},
    ],
)
def test_the_file_is_chosen_by_the_server_from_well_formed_ids_only(service: EditService, ids: dict[str, str]) -> None:
    status, refusal = _ask(service, "POST", "/_edit/api/check", {"kind": "project", "ids": ids, "data": {}})
    assert status == 404 and refusal["error"] == "document"


def test_a_link_out_of_the_data_is_not_followed(demo_root: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    outside = tmp_path_factory.mktemp("outside") / "9-9-9.yaml"
    outside.write_text("id: 9-9-9\n", encoding="utf-8")
    (demo_root / "plans/demo/projects/9-9-9.yaml").symlink_to(outside)
    with pytest.raises(NotADocument):
        DocumentRef.of("project", {"plan": "demo", "project": "9-9-9"}).path(find_repository(cwd=demo_root))


def test_adding_an_indicator_writes_a_file_validate_strict_accepts(service: EditService) -> None:
    document = _opened(service)
    new = {
        "id": "1-1-1-2",
        "name": {"ko": "새 지표", "en": "New indicator"},
        "unit": {"ko": "회", "en": "times"},
        "kind": "flow",
        "targets": {"2024": 1, "2025": 2},
    }
    document["data"]["indicators"].append(new)
    body = {"kind": "project", "ids": IDS, "data": document["data"], "version": document["version"]}
    status, saved = _ask(service, "POST", "/_edit/api/save", body)
    assert status == 200, saved
    assert "+  - id: 1-1-1-2" in saved["diff"]
    from click.testing import CliRunner

    from generator.cli import main

    result = CliRunner().invoke(main, ["validate", "--strict"], catch_exceptions=False)
    assert result.exit_code == 0, result.output


def test_the_changes_view_says_why_when_git_is_missing(service: EditService, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    status, answer = _ask(service, "GET", "/_edit/api/changes?lang=en")
    assert status == 200
    assert "git is not installed" in answer["unavailable"]["en"]
    assert "git" in answer["unavailable"]["ko"]


@pytest.mark.slow
def test_the_changes_view_is_the_semantic_diff_against_the_last_commit(service: EditService, demo_root: Path) -> None:
    git = ["git", "-c", "user.email=test@example.com", "-c", "user.name=test"]
    subprocess.run(["git", "init", "-q"], cwd=demo_root, check=True)
    subprocess.run([*git, "add", "-A"], cwd=demo_root, check=True)
    subprocess.run([*git, "commit", "-qm", "synthetic"], cwd=demo_root, check=True)
    PROJECT.write_text(PROJECT.read_text(encoding="utf-8").replace("{2024: 5,", "{2024: 6,"), encoding="utf-8")
    PROJECT.write_text(PROJECT.read_text(encoding="utf-8").replace("total: 12", "total: 13"), encoding="utf-8")
    status, answer = _ask(service, "GET", "/_edit/api/changes?lang=en")
    assert status == 200, answer
    rows = [row for plan in answer["view"]["plans"] for g in plan["groups"] for s in g["sections"] for row in s["rows"]]
    assert {"label": "1-1-1-1 Indicator one: 2024 target", "before": "5", "after": "6", "lang": ""} in rows
    assert answer["view"]["regraded"]


def test_the_form_page_carries_the_token_and_fetches_nothing_from_elsewhere(service: EditService) -> None:
    status, page = _ask(service, "GET", "/_edit/")
    assert status == 200
    assert service.token.encode() in page
    for name in ("edit.js", "edit.css"):
        status, body = _ask(service, "GET", f"/_edit/static/{name}")
        assert status == 200 and b"http://" not in body and b"https://" not in body
    assert _ask(service, "GET", "/_edit/static/../service.py")[0] == 404
    headers = dict(service.answer(Request("GET", "/_edit/", {"host": "127.0.0.1:8000"}, b"")).headers)
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"] and headers["X-Frame-Options"] == "DENY"


def test_the_edit_links_name_the_forms_of_what_a_page_shows(demo_root: Path) -> None:
    repository = find_repository(cwd=demo_root)
    project = addition(repository, "/plans/demo/projects/1-1-1.html").decode()
    assert "kind=project&amp;plan=demo&amp;project=1-1-1&amp;lang=ko" in project
    assert "kind=results&amp;plan=demo&amp;year=2024&amp;project=1-1-1" in project
    assert (
        "kind=check&amp;plan=demo&amp;year=2024&amp;lang=en"
        in addition(repository, "/en/plans/demo/reports/2024.html").decode()
    )
    assert "kind=plan" in addition(repository, "/plans/demo/").decode()
    assert addition(repository, "/departments/index.html") == b""
    assert addition(repository, "/plans/demo/projects/9-9-9.html") == b""


@pytest.mark.usefixtures("demo_root")
@pytest.mark.slow
def test_the_editing_preview_over_http_refuses_a_write_without_the_token_and_links_its_pages() -> None:
    from generator import api

    messages: list[str] = []
    stop = threading.Event()
    thread = threading.Thread(
        target=api.serve,
        args=(api.Options(out=Path("output")), 0),
        kwargs={"echo": messages.append, "stop": stop, "edit": True},
        daemon=True,
    )
    thread.start()
    try:
        while not any(m.startswith("serving") for m in messages):
            assert thread.is_alive(), messages
            threading.Event().wait(0.05)
        base = f"http://127.0.0.1:{served_port(messages)}"
        page = urllib.request.urlopen(f"{base}/plans/demo/projects/1-1-1.html").read().decode()
        assert "/_edit/?kind=project" in page
        before = PROJECT.read_bytes()
        request = urllib.request.Request(
            f"{base}/_edit/api/save",
            data=json.dumps({"kind": "project", "ids": IDS, "data": {}, "version": ""}).encode(),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request)
        assert refused.value.code == 403
        assert PROJECT.read_bytes() == before
        # Only the editing preview has the links: the built site never does.
        assert "_edit" not in Path("output/plans/demo/projects/1-1-1.html").read_text(encoding="utf-8")
    finally:
        stop.set()
        thread.join(timeout=10)


def test_a_save_keeps_the_files_permissions(service: EditService) -> None:
    os.chmod(PROJECT, 0o640)
    document = _opened(service)
    document["data"]["indicators"][0]["total"] = 12.0  # the same figure: nothing to write
    document["data"]["title"]["en"] = "Project one, renamed"
    body = {"kind": "project", "ids": IDS, "data": document["data"], "version": document["version"]}
    assert _ask(service, "POST", "/_edit/api/save", body)[0] == 200
    assert PROJECT.stat().st_mode & 0o777 == 0o640
    assert not [p for p in PROJECT.parent.iterdir() if p.name.startswith(".")]  # no temporary file left behind


def test_a_fresh_repository_from_init_is_edited_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The files `plansite init` writes (copied here: the wheel it also writes is not what is tested)."""
    import shutil

    from .conftest import ROOT

    template = ROOT / "generator" / "cli" / "new_repository"
    shutil.copytree(template / "plans", tmp_path / "plans")
    shutil.copy(template / "site.yaml", tmp_path / "site.yaml")
    (tmp_path / "results").mkdir()
    monkeypatch.chdir(tmp_path)
    service = EditService(find_repository(cwd=tmp_path))
    ids = {"plan": "example-plan", "project": "1-1-1"}
    document = _opened(service, "project", ids)
    assert document["context"]["years"]
    indicator = document["data"]["indicators"][0]
    year = next(iter(indicator["targets"]))
    indicator["targets"][year] = "many"
    body = {"kind": "project", "ids": ids, "data": document["data"], "version": document["version"]}
    status, refused = _ask(service, "POST", "/_edit/api/save", body)
    assert status == 422 and any(p["path"].endswith(f"targets.{year}") for p in refused["here"])
    _opened(service, "plan", {"plan": "example-plan"})


def test_a_markdown_preview_is_the_sites_own_rendering(service: EditService) -> None:
    status, answer = _ask(
        service, "POST", "/_edit/api/markdown", {"text": "**굵게**\n\n<script>x</script>", "caption": "c"}
    )
    assert status == 200
    assert "<strong>굵게</strong>" in answer["html"] and "<script>" not in answer["html"]
    assert _ask(service, "POST", "/_edit/api/markdown", {"text": "x"}, token=None)[0] == 403


@pytest.mark.parametrize(
    "body",
    [b"not json", b"[1, 2]", b'{"kind": "project", "ids": ["demo"], "data": {}}', b"\xff\xfe"],
)
def test_a_malformed_request_is_refused_with_a_status(service: EditService, body: bytes) -> None:
    headers = {"host": "127.0.0.1:8000", "content-type": "application/json", "x-plansite-token": service.token}
    answer = service.answer(Request("POST", "/_edit/api/check", headers, body))
    assert answer.status == 400


def test_a_file_broken_by_hand_is_named_not_a_crash(service: EditService) -> None:
    document = _opened(service)
    PROJECT.write_text("id: [1-1-1\n", encoding="utf-8")
    status, refusal = _ask(
        service, "POST", "/_edit/api/check", {"kind": "project", "ids": IDS, "data": document["data"]}
    )
    assert status == 422 and refusal["error"] == "unreadable"
    assert _ask(service, "GET", "/_edit/api/document?kind=project&plan=demo&project=1-1-1")[0] == 422


def test_a_file_that_cannot_be_written_is_named_and_left_as_it_was(
    service: EditService, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.edit import service as edit_service

    def full_disk(path: Path, _content: bytes) -> None:
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr(edit_service, "_replace", full_disk)
    before = PROJECT.read_bytes()
    document = _opened(service)
    document["data"]["indicators"][0]["targets"]["2024"] = 6
    document["data"]["indicators"][0]["total"] = 13
    body = {"kind": "project", "ids": IDS, "data": document["data"], "version": document["version"]}
    status, refusal = _ask(service, "POST", "/_edit/api/save", body)
    assert status == 500 and refusal["error"] == "unwritable"
    assert "1-1-1.yaml" in refusal["message"]["ko"] and "No space left on device" in refusal["message"]["en"]
    assert PROJECT.read_bytes() == before
