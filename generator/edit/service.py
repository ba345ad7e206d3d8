"""The editor's HTTP answers under /_edit/: the form, its words, and the JSON API that reads, checks and saves.

Safe by construction, for one person on their own machine:
- the server binds 127.0.0.1 only (`site.serve`), and every request here must name it as its Host (a web page
  cannot reach it by a name of its own that resolves to 127.0.0.1: DNS rebinding);
- every POST carries the session's token in a header, which only the editor's own page knows (it is written into
  that page; another site's page cannot read it, nor send the header without a CORS preflight this server
  never allows), comes from no other origin, and is JSON;
- the file is chosen here from ids (`documents.DocumentRef`), never taken from the request;
- nothing is written while the validator finds an error, and a file whose bytes changed on disk since the form
  read them is not overwritten: the answer is 409 with both versions;
- a save replaces the file in one step (a temporary file beside it, then a rename), so the preview's rebuild
  never reads half a file.
"""

from __future__ import annotations

import difflib
import json
import os
import secrets
import tempfile
import threading
from dataclasses import dataclass, field
from http import HTTPStatus
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from generator.data.jsonschema import file_schema
from generator.data.layout import DataRepository
from generator.edit import checking, context, documents
from generator.edit.documents import DocumentRef, NotADocument
from generator.errors import PlansiteError, display_path, error_text
from generator.i18n import LANGUAGES, UI, t
from generator.sheets.yamlsplice import rewritten
from generator.site.serve import Answer, Request

PREFIX = "/_edit/"
TOKEN_HEADER = "x-plansite-token"
TOKEN_PLACEHOLDER = b"PLANSITE_EDIT_TOKEN"
STATIC = {"edit.js": "text/javascript; charset=utf-8", "edit.css": "text/css; charset=utf-8"}
JSON_TYPE = "application/json; charset=utf-8"
# The form's page runs only its own script, and no other site may frame it (a framed form could be clicked
# through by a page the user does not see).
PAGE_HEADERS = (
    ("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'none'"),
    ("X-Frame-Options", "DENY"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
)
WORD_PREFIX = "edit_"  # the catalogue keys the form shows: all of generator/i18n/edit.py


def form_words() -> dict[str, dict[str, str]]:
    """The catalogue's words of the form, in both languages, for the page to show (it has no catalogue)."""
    names = [key.removeprefix(WORD_PREFIX) for key in UI if key.startswith(WORD_PREFIX)]
    return {f"{WORD_PREFIX}{name}": {lang: t(f"edit_{name}", lang) for lang in LANGUAGES} for name in names}


def _json(status: int, value: Any) -> Answer:
    return Answer(status, json.dumps(value, ensure_ascii=False).encode("utf-8"), JSON_TYPE)


def _refused(status: int, reason: str) -> Answer:
    return _json(status, {"error": reason, "message": {lang: UI[f"edit_refused_{reason}"][lang] for lang in LANGUAGES}})


def _unwritable(error: OSError) -> Answer:
    """The file could not be read or written: which one and why, and that nothing of the input is lost."""
    where = display_path(Path(error.filename)) if error.filename else ""
    why = error.strerror or str(error)
    message = {lang: t("edit_refused_unwritable", lang, file=where, why=why) for lang in LANGUAGES}
    return _json(HTTPStatus.INTERNAL_SERVER_ERROR, {"error": "unwritable", "message": message})


@dataclass
class EditService:
    """The editor of one data repository, for the time the preview runs."""

    repository: DataRepository
    token: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    _saving: threading.Lock = field(default_factory=threading.Lock)

    def answer(self, request: Request) -> Answer:
        """The answer to one request under PREFIX."""
        if not self._host_allowed(request.headers.get("host", "")):
            return _refused(HTTPStatus.FORBIDDEN, "host")
        address, _, query = request.target.partition("?")
        name = address.removeprefix(PREFIX.rstrip("/")).strip("/")
        params = dict(parse_qsl(query))
        if request.method == "GET":
            return self._get(name, params)
        if request.method != "POST":
            return _refused(HTTPStatus.METHOD_NOT_ALLOWED, "method")
        refusal = self._post_refusal(request)
        if refusal is not None:
            return refusal
        try:
            body = json.loads(request.body.decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            return _refused(HTTPStatus.BAD_REQUEST, "body")
        if not isinstance(body, dict) or not isinstance(body.get("ids", {}), dict):
            return _refused(HTTPStatus.BAD_REQUEST, "body")
        try:
            return self._post(name, body)
        except NotADocument:
            return _refused(HTTPStatus.NOT_FOUND, "document")
        except (UnicodeDecodeError, documents.yaml.YAMLError):
            return _refused(HTTPStatus.UNPROCESSABLE_ENTITY, "unreadable")  # the file on disk, broken by hand
        except OSError as error:  # a full disk, a file removed or locked meanwhile: the form keeps the user's input
            return _unwritable(error)

    @staticmethod
    def _host_allowed(host: str) -> bool:
        """The address the request was sent to names this machine (a rebound name of another site does not)."""
        name = host.rpartition(":")[0] if ":" in host else host
        return name in ("127.0.0.1", "localhost")

    def _post_refusal(self, request: Request) -> Answer | None:
        """Why a write request is refused: no token or a wrong one, another origin, a body that is not JSON."""
        if not secrets.compare_digest(request.headers.get(TOKEN_HEADER, "").encode(), self.token.encode()):
            return _refused(HTTPStatus.FORBIDDEN, "token")
        origin = request.headers.get("origin")
        if origin is not None and urlsplit(origin).netloc != request.headers.get("host"):
            return _refused(HTTPStatus.FORBIDDEN, "origin")
        if not request.headers.get("content-type", "").startswith("application/json"):
            return _refused(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "body")
        return None

    # Reading.

    def _get(self, name: str, params: dict[str, str]) -> Answer:
        if name in ("", "index.html"):
            page = files("generator.edit").joinpath("static", "index.html").read_bytes()
            page = page.replace(TOKEN_PLACEHOLDER, self.token.encode())
            return Answer(HTTPStatus.OK, page, "text/html; charset=utf-8", PAGE_HEADERS)
        if name.startswith("static/") and name.removeprefix("static/") in STATIC:
            file = name.removeprefix("static/")
            content = files("generator.edit").joinpath("static", file).read_bytes()
            return Answer(HTTPStatus.OK, content, STATIC[file], PAGE_HEADERS)
        if name == "api/words":
            return _json(HTTPStatus.OK, form_words())
        if name == "api/document":
            try:
                return self._document(DocumentRef.of(params.get("kind", ""), params))
            except NotADocument:
                return _refused(HTTPStatus.NOT_FOUND, "document")
        if name == "api/changes":
            return _json(HTTPStatus.OK, self._changes(params.get("lang", "ko")))
        return _refused(HTTPStatus.NOT_FOUND, "address")

    def _document(self, document: DocumentRef) -> Answer:
        path = document.path(self.repository)
        content = path.read_bytes()
        try:
            data = documents.read_data(content.decode("utf-8"))
        except (ValueError, UnicodeDecodeError, documents.yaml.YAMLError):
            return _refused(HTTPStatus.UNPROCESSABLE_ENTITY, "unreadable")
        return _json(
            HTTPStatus.OK,
            {
                "kind": document.kind,
                "ids": dict(document.ids),
                "file": display_path(path),
                "data": documents.as_json(data),
                "version": documents.version(content),
                "schema": file_schema(document.schema),
                "context": context.of(self.repository, document),
            },
        )

    def _changes(self, lang: str) -> dict[str, Any]:
        """The semantic diff of the working tree against the last commit, as `plansite diff HEAD` shows it."""
        from dataclasses import asdict

        from generator.review.sides import diff_data
        from generator.review.view import diff_view

        try:
            changes = diff_data(self.repository.root, "HEAD")
        except PlansiteError as error:
            return {"unavailable": {language: error_text(error, language) for language in LANGUAGES}}
        return {"view": asdict(diff_view(changes, lang if lang in LANGUAGES else "ko"))}

    # Checking and saving.

    def _post(self, name: str, body: dict[str, Any]) -> Answer:
        if name == "api/markdown":
            return self._markdown(body)
        document = DocumentRef.of(str(body.get("kind", "")), body.get("ids") or {})
        if name == "api/check":
            path = document.path(self.repository)
            text = path.read_bytes().decode("utf-8")
            candidate = rewritten(text, documents.from_json(body.get("data"), documents.read_data(text)))
            checked = checking.check_candidate(self.repository, document, candidate)
            return _json(HTTPStatus.OK, {**checking.as_json(checked), "diff": _diff(path, text, candidate)})
        if name == "api/save":
            return self._save(document, body)
        return _refused(HTTPStatus.NOT_FOUND, "address")

    def _save(self, document: DocumentRef, body: dict[str, Any]) -> Answer:
        path = document.path(self.repository)
        with self._saving:
            content = path.read_bytes()
            text = content.decode("utf-8")
            on_disk = documents.read_data(text)
            if documents.version(content) != body.get("version"):
                conflict = {
                    "error": "conflict",
                    "message": {lang: UI["edit_refused_conflict"][lang] for lang in LANGUAGES},
                    "disk": {"data": documents.as_json(on_disk), "version": documents.version(content)},
                    "yours": {"data": body.get("data"), "version": body.get("version")},
                }
                return _json(HTTPStatus.CONFLICT, conflict)
            candidate = rewritten(text, documents.from_json(body.get("data"), on_disk))
            checked = checking.check_candidate(self.repository, document, candidate)
            if not checked.valid:
                return _json(HTTPStatus.UNPROCESSABLE_ENTITY, {"error": "invalid", **checking.as_json(checked)})
            if candidate != text:
                _replace(path, candidate.encode("utf-8"))
            saved = {"version": documents.version(candidate.encode("utf-8")), "diff": _diff(path, text, candidate)}
            return _json(HTTPStatus.OK, {**saved, **checking.as_json(checked)})

    def _markdown(self, body: dict[str, Any]) -> Answer:
        from generator.site.markup import render_markdown

        text, caption = body.get("text"), body.get("caption", "")
        if not isinstance(text, str) or not isinstance(caption, str):
            return _refused(HTTPStatus.BAD_REQUEST, "body")
        return _json(HTTPStatus.OK, {"html": str(render_markdown(text, caption))})


def _diff(path: Path, before: str, after: str) -> str:
    """The change to the file's text, as `git diff` would show it."""
    name = display_path(path)
    lines = difflib.unified_diff(before.splitlines(True), after.splitlines(True), f"a/{name}", f"b/{name}")
    return "".join(lines)


def _replace(path: Path, content: bytes) -> None:
    """`path` holding `content`, replaced in one step: a hidden file beside it (the validator skips dot files),
    written, then renamed over it, with the file's permissions."""
    mode = path.stat().st_mode
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".plansite-edit", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(name, mode & 0o7777)
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
