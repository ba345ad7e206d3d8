"""plansite from Python: the work of the commands, with one typed options object.

    from pathlib import Path
    import generator

    summary = generator.build(generator.Options(root=Path("my-plans")))
    print(summary.pages, "pages in", summary.output)

Everything a run can be told is an `Options` field; `Options.from_environment()` adds what the environment
says (SOURCE_DATE_EPOCH, PAGEFIND_BINARY_PATH, PLANSITE_CHROMIUM), and nothing below this module reads the
environment. The command line is a thin layer over these functions. The site stack (Jinja2, and matplotlib when a chart
is drawn) is imported only by the functions that build, so `validate` starts fast. Bad input raises `PlansiteError` (its
`DataError` carries every problem found, with its file position); nothing here prints or exits.
"""

from __future__ import annotations

import datetime
import os
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.data.layout import PLANS_DIR, RESULTS_DIR, SITE_CONFIG, DataRepository, find_repository
from generator.data.paths import refuse_inside, resolve
from generator.errors import UsageError, display_path
from generator.i18n import msg

if TYPE_CHECKING:
    from generator.data.validate import ValidationReport
    from generator.review.record import Amendments, FileDates, Unavailable
    from generator.site.build import WarmBuild
    from generator.site.buildstate import BuildRecord, BuildSummary
    from generator.site.drawinghelper import DrawingHelper

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Options:
    """What a run reads, where it writes, and what it may use: the command line's options as one object."""

    root: Path | None = None  # the data repository's folder [default: the working directory]
    config: Path | None = None  # site.yaml [default: site.yaml in `root`, if there is one]
    plans: Path | None = None  # the folder of plans, or one plan folder [default: plans/ in `root`]
    results: Path | None = None  # the folder of results [default: results/ beside the folder of plans]
    out: Path | None = None  # the folder to build into [default: output/ in the repository]
    base_url: str | None = None  # the site's absolute address [default: base_url in site.yaml]
    cache_dir: Path | None = None  # the chart and amendments cache [default: .plansite-cache in the repository]
    use_cache: bool = True  # False: draw every chart and compare every commit again; keep nothing
    amendments: bool = True  # False: list no amendments (no commit is compared; "last updated" still reads git)
    source_date: datetime.date | None = None  # the data date the pages show (SOURCE_DATE_EPOCH)
    pagefind: Path | None = None  # the Pagefind executable (PAGEFIND_BINARY_PATH) [default: the installed one]
    chromium: str | None = None  # the Chromium that prints PDFs (PLANSITE_CHROMIUM) [default: one on PATH]
    progress: Progress | None = field(default=None, compare=False)  # told each step of a long run
    before_publish: Callable[[Path], None] | None = field(default=None, compare=False)  # given the staged site

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None, **values: Any) -> Options:
        """Options from `values`, completed by what the environment says (`os.environ` by default)."""
        env = os.environ if environ is None else environ
        found: dict[str, Any] = {}
        if epoch := env.get("SOURCE_DATE_EPOCH"):
            try:
                found["source_date"] = datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC).date()
            except (ValueError, OverflowError, OSError):
                raise UsageError(msg("source_date_epoch", epoch=epoch)) from None
        if binary := env.get("PAGEFIND_BINARY_PATH"):
            found["pagefind"] = Path(binary)
        if chromium := env.get("PLANSITE_CHROMIUM"):
            found["chromium"] = chromium
        given = {name: value for name, value in values.items() if value is not None}
        return cls(**{**found, **given})


# The environment's language, as POSIX orders it: the first of these that is set decides.
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def default_language(environ: Mapping[str, str] | None = None) -> str:
    """The terminal's language when no --lang is given: the locale's (en…, ko…), else Korean."""
    env = os.environ if environ is None else environ
    for name in LOCALE_VARIABLES:
        value = env.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else "ko"
    return "ko"


def repository(options: Options) -> DataRepository:
    """The data repository the options point at."""
    return find_repository(plans=options.plans, results=options.results, config=options.config, cwd=options.root)


def validate(options: Options, *, only: list[Path] | None = None) -> ValidationReport:
    """Every problem of the configuration, the plans (or `only` these plan folders) and their results."""
    from generator.data.validate import validate_repository

    return validate_repository(repository(options), only=only)


def load(options: Options) -> ValidationReport:
    """The checked data; raises `DataError` with every error when there is one."""
    from generator.data.validate import load_checked

    _say(options)(msg("progress_checking_data"))
    return load_checked(repository(options))


def build(options: Options, *, warm: WarmBuild | None = None) -> BuildSummary:
    """Check the data, render every page and publish the site into `options.out` in one step.

    `warm` is what a long-running caller keeps between builds, so that a build re-does only what changed.
    Without it, a build with a cache keeps there what it read and wrote (`site/buildstate.py`): when nothing it
    reads has changed since, the published site is left as it is (the summary says `up_to_date`)."""
    state = _build_record(options) if warm is None else None
    if state is not None and (unchanged := state.unchanged()) is not None:
        from generator.site.publish import clean_leftovers

        clean_leftovers(unchanged.output)  # what killed builds left beside it, as any build removes
        return unchanged
    from generator.site.drawinghelper import build_helper

    # Started first: it imports the chart code beside this process's reading and checking (a preview's is `warm`'s).
    helper = build_helper() if warm is None else None
    try:
        data, out, report, cache_dir = _gathered(options, warm)
        record = amendment_record(data, _usable(cache_dir), options)
        state = state if _usable(cache_dir) is not None else None
        history = file_history(data)
        return _published(
            options, data, out, report, cache_dir, warm, record, history=history, state=state, helper=helper
        )
    finally:
        if helper is not None:
            helper.close()


def serve(
    options: Options,
    port: int,
    *,
    echo: Progress,
    stop: threading.Event | None = None,
    lang: str = "en",
    edit: bool = False,
) -> None:
    """Build, serve on http://127.0.0.1:PORT/ and rebuild on every change, until Ctrl+C or `stop`; what it says
    is worded in `lang`. With `edit`, the preview has the editor's forms (/_edit/) and an "edit" link on each
    page of something they edit."""
    from generator.site.serve import serve_and_watch

    # The record is read once: the preview shows the working tree, whose history does not move while it runs.
    record: list[Amendments | Unavailable | None] = []
    history: list[FileDates | None] = []

    def build_kept(warm: WarmBuild) -> BuildSummary:
        data, out, report, cache_dir = _gathered(options, warm)
        if not record:
            record.append(amendment_record(data, _usable(cache_dir), options))
            history.append(file_history(data))
        # Served here at the root, whatever address site.yaml gives the published site (its 404 page links so).
        return _published(options, data, out, report, cache_dir, warm, record[0], "/", history[0])

    data = repository(options)
    for folder in (options.out or data.output, options.cache_dir, data.plans, data.results):
        if folder is not None:
            resolve(folder)  # a link loop is refused before anything is served or watched
    extension = None
    if edit:
        from generator.edit import extension as editor

        extension = editor(data)
    out = options.out or data.output
    serve_and_watch(data, out, port, echo=echo, stop=stop, build=build_kept, lang=lang, extension=extension)


def _gathered(options: Options, warm: WarmBuild | None) -> tuple[DataRepository, Path, ValidationReport, Path | None]:
    """The repository, the output folder, the checked data and the usable cache folder: all read before writing."""
    from generator.site.build import load_data

    data = repository(options)
    out = options.out or data.output
    report = load_data(data, warm, _say(options))  # the configuration is read once, here
    return data, out, report, _cache_dir(data, report, out, options)


def _published(
    options: Options,
    data: DataRepository,
    out: Path,
    report: ValidationReport,
    cache_dir: Path | None,
    warm: WarmBuild | None,
    record: Amendments | Unavailable | None,
    root_path: str | None = None,
    history: FileDates | None = None,
    state: BuildRecord | None = None,
    helper: DrawingHelper | None = None,
) -> BuildSummary:
    from generator.site.build import build_site

    return build_site(
        data,
        out,
        base_url=options.base_url,
        progress=options.progress,
        cache_dir=cache_dir,
        warm=warm,
        record=record,
        source_date=options.source_date,
        pagefind=options.pagefind,
        before_publish=options.before_publish,
        report=report,
        root_path=root_path,
        history=history,
        state=state,
        helper=helper,
    )


def _build_record(options: Options) -> BuildRecord | None:
    """What this build reads, hashed before it reads it (None without a cache, or when the caller looks at the
    staged site: that build must run)."""
    if not options.use_cache or options.before_publish is not None:
        return None
    from generator.site.buildstate import BuildRecord, Inputs, settings

    data = repository(options)
    out = resolve(options.out or data.output)
    pagefind = ""
    if options.pagefind is not None:  # another binary, known by its file
        binary = resolve(options.pagefind)
        status = binary.stat() if binary.exists() else None
        pagefind = f"{binary} {status.st_size} {status.st_mtime_ns}" if status else f"{binary} (missing)"
    values = settings(
        [
            ("out", out),
            ("base_url", options.base_url),
            ("date", (options.source_date or datetime.date.today()).isoformat()),
            ("amendments", options.amendments),
            ("pagefind", pagefind),
        ]
    )
    inputs = Inputs(data.config, (data.plans, data.results), data.plans.parent, values)
    return BuildRecord(options.cache_dir or data.cache, out, inputs)


def print_report(options: Options, plan_id: str, year: int, lang: str, out: Path | None, *, force: bool) -> Path:
    """PLAN's YEAR report page printed to PDF as the site prints it (needs Playwright and Chromium)."""
    from generator.data.validate import plan_of, year_results
    from generator.site.printing import default_pdf_name, print_report_pdf

    data = repository(options)
    report = load(options)
    plan = plan_of(report, plan_id, data.plans)
    year_results(report, plan, year)  # before any work: a year without results has no report to print
    target = out if out is not None else default_pdf_name(plan, year, lang)
    refuse_inside(target, (data.plans, data.results))  # a report is no data: before Chromium is looked for
    record = amendment_record(data, data.cache if options.use_cache else None, options)
    return print_report_pdf(
        data,
        plan,
        year,
        lang,
        target,
        force=force,
        progress=options.progress,
        record=record,
        chromium=options.chromium,
        history=file_history(data),
    )


def amendment_record(data: DataRepository, cache_dir: Path | None, options: Options) -> Amendments | Unavailable | None:
    """The amendments to the published data, from its git history (None when the options ask for none); each
    commit's comparison is kept in `cache_dir` (None: none kept)."""
    if not options.amendments:
        return None
    from generator.review.amendments import amendments  # git and the semantic diff: only when a build lists them
    from generator.review.record import Unavailable

    root = data.plans.parent
    if data.plans.name != PLANS_DIR or data.results.absolute() != (root / RESULTS_DIR).absolute():
        # The history is read from the plans/ and results/ folders of one repository, as `plansite diff` does.
        folders = {"plans": display_path(data.plans), "results": display_path(data.results)}
        return Unavailable(msg("history_not_one_repository", **folders, plans_dir=PLANS_DIR, results_dir=RESULTS_DIR))
    _say(options)(msg("progress_history"))
    return amendments(root, cache_dir)


def file_history(data: DataRepository) -> FileDates | None:
    """When each data file last changed, from git: the pages' "last updated" dates. None outside git (the pages
    then show the build's date), or when the data folders are not the plans/ and results/ of one repository."""
    from generator.review.history import file_dates

    root = data.plans.parent
    if data.plans.name != PLANS_DIR or data.results.absolute() != (root / RESULTS_DIR).absolute():
        return None
    found = file_dates(root, (PLANS_DIR, RESULTS_DIR, SITE_CONFIG))
    from generator.review.record import FileDates

    return found if isinstance(found, FileDates) else None


def _cache_dir(data: DataRepository, report: ValidationReport, out: Path, options: Options) -> Path | None:
    """The cache folder (None: no cache), refused as the build refuses it (inside the data or the output)."""
    if not options.use_cache:
        return None
    from generator.site.build import protected_paths
    from generator.site.chartcache import open_cache
    from generator.site.publish import check_output_dir

    folder = options.cache_dir or data.cache
    protected = protected_paths(data, report.config.theme_dir)
    check_output_dir(out, protected, data.root)
    open_cache(folder, protected, out)  # made here, or refused, before the history is read into it
    return folder


def _usable(cache_dir: Path | None) -> Path | None:
    """The cache folder if it could be made (a build without a writable cache still builds, and says so)."""
    return cache_dir if cache_dir is not None and cache_dir.is_dir() else None


def _say(options: Options) -> Progress:
    return options.progress or (lambda _message: None)
