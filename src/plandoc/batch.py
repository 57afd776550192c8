"""Find the inputs under the paths given, check each in a worker process, and account for every one.

Every path named on the command line becomes a document entry; every file found under a folder is
either a document or a skipped entry with its reason, never both and never neither
(CONTRACT.md section 3). Results come back in input order whatever order the workers finish in.

Policies (README "Checking many plans"):

* Symbolic links found while walking a folder are never followed; each is listed under `skipped`
  with the reason (link to a folder, to a file outside the folder, to another file in the folder,
  broken, or looping). A link named on the command line is followed, as asked.
* Pipes, devices and sockets are never opened (opening a pipe blocks forever).
* The same path named twice (or a file named and also found in a folder named) appears once.
* With `workers >= 1` every document is read in a worker process that is killed at its deadline
  or when it passes its memory cap (`pool.py`), so even one worker keeps timeouts and limits.
  `workers=0` checks in this process without limits (library callers and tests).
* The parent never parses a document: YAML/JSON found in a folder is opened by the worker, which
  says whether it is an intake or something to skip. The parent keeps only what the report needs.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import logging
import os
import stat
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from . import document, intake, yamlsafe
from .checks.engine import Checker
from .checks.loader import RuleSet
from .errors import InputError, IntakeError, NeedsOcrError, PlandocError, ResourceLimitError, UnreadableError, UsageError
from .results import DocumentResult, Report

log = logging.getLogger("plandoc.batch")

PDF_SUFFIXES = (".pdf",)
DOCX_SUFFIXES = (".docx", ".docm", ".dotx")


@dataclass(frozen=True)
class Input:
    path: Path
    display: str
    kind: str  # intake | pdf | docx | unknown
    explicit: bool = True  # named on the command line (always a document) or found in a folder
    index: int = 0  # position in the run, the only way logs refer to a document


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str

    def to_contract(self) -> dict[str, str]:
        return {"path": self.path, "reason": self.reason}


def _kind_by_name(path: Path) -> str | None:
    s = path.suffix.lower()
    if s in PDF_SUFFIXES:
        return "pdf"
    if s in DOCX_SUFFIXES:
        return "docx"
    if s in intake.INTAKE_SUFFIXES:
        return "intake"
    return None


# ----------------------------------------------------------------------------------- discovery
def _link_reason(full: Path, root_real: str) -> str:
    try:
        target = full.resolve(strict=True)
    except RuntimeError:
        return "a symbolic link that loops back on itself (not followed)"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symbolic link that loops back on itself (not followed)"
        return "a broken symbolic link (its target does not exist)"
    if target.is_dir():
        return "a symbolic link to a folder (not followed)"
    inside = os.path.commonpath([root_real, str(target)]) == root_real
    if inside:
        return "a symbolic link to another file in this folder (that file is checked under its own name)"
    return "a symbolic link to a file outside this folder (not followed)"


def discover(paths: Iterable[Path]) -> list[Input | Skipped]:
    """Expand folders recursively, in sorted order; explicit files are always inputs.

    Raises UsageError for a path that does not exist. Entries come back in the order they appear
    in the report; each path once.
    """
    paths = list(paths)
    entries: list[Input | Skipped] = []
    seen: set[str] = set()

    def first_time(display: str) -> bool:
        key = os.path.abspath(display)
        if key in seen:
            return False
        seen.add(key)
        return True

    def add_input(path: Path, display: str, kind: str, explicit: bool) -> None:
        entries.append(Input(path, display, kind, explicit, index=len(entries)))

    def skip(display: str, reason: str) -> None:
        entries.append(Skipped(display, reason))

    def walk(top: Path) -> None:
        root_real = os.path.realpath(top)
        problems: list[OSError] = []
        for root, dirs, files in os.walk(top, followlinks=False, onerror=problems.append):
            dirs.sort()
            rootp = Path(root)
            names = sorted(set(files) | {d for d in dirs if (rootp / d).is_symlink() or _kind_by_name(Path(d))})
            for name in names:
                full = rootp / name
                display = str(full)
                if not first_time(display):
                    continue
                if full.is_symlink():
                    skip(display, _link_reason(full, root_real))
                    continue
                try:
                    st = full.lstat()
                except OSError:
                    skip(display, "vanished or cannot be looked at while the folder was read")
                    continue
                if stat.S_ISDIR(st.st_mode):
                    skip(display, "a folder named like a document (its contents are checked)")
                    continue
                if not stat.S_ISREG(st.st_mode):
                    skip(display, "not a regular file (a pipe, device or socket); plandoc reads files only")
                    continue
                kind = _kind_by_name(full)
                if kind is None:
                    skip(display, f"not a plan document plandoc reads ({full.suffix or 'no extension'})")
                elif name.startswith("~$"):
                    skip(display, "a Word lock file (left while a document is open), not a plan")
                else:
                    add_input(full, display, kind, explicit=False)
            dirs[:] = [d for d in dirs if not (rootp / d).is_symlink()]
        for exc in problems:
            display = str(exc.filename) if exc.filename else str(top)
            if first_time(display):
                skip(display, "a folder plandoc has no permission to open" if isinstance(exc, PermissionError)
                     else f"a folder that cannot be read ({exc.strerror or type(exc).__name__})")

    for number, p in enumerate(paths, start=1):
        display = str(p)
        if p.is_dir():
            if first_time(display.rstrip("/") or display):
                walk(p)
        elif p.exists() or p.is_symlink():
            if first_time(display):
                add_input(p, display, _kind_by_name(p) or "unknown", explicit=True)
        else:
            # The name is not repeated on stderr: file names of plans often hold the client's name.
            raise UsageError(f"path argument {number} of {len(paths)} does not exist (no such file or folder; "
                             "its name is not repeated here because file names can hold client names)")
    return entries


def sha256_of(path: Path) -> str | None:
    h = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return None
    return h.hexdigest()


# ------------------------------------------------------------------------------------ checking
@dataclass
class Options:
    profile: str | None = None  # None: the intake's own profile, else generic
    as_of: dt.date | None = None
    pdf_engine: str = "pdfium"
    ocr: bool = False
    redact: bool = False
    collect_due: bool = False  # keep the review and signature dates `plandoc due` needs
    duplicate_threshold: int | None = None  # None: the profile's batch_duplicate_goal_threshold
    workers: int = 0  # 0: in this process, no limits; N: N worker processes
    timeout: float = 60.0
    max_memory_mb: int | None = 2048
    recycle_after: int = 100


def _preflight(path: Path) -> tuple[str, str, str] | None:
    """(status, code, message) when a file cannot even be opened; None when it can."""
    try:
        st = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "error", "link_loop", "is a symbolic link that loops back on itself; point it at a real file"
        if os.path.islink(path):
            return "error", "broken_link", "is a symbolic link to a file that does not exist"
        return "error", "not_found", "no longer exists (it was moved or deleted during the run)"
    if stat.S_ISDIR(st.st_mode):
        return "error", "not_a_file", "is a folder, not a file"
    if not stat.S_ISREG(st.st_mode):
        return "error", "not_a_file", "is not a regular file (a pipe, device or socket); plandoc reads files only"
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        os.close(fd)
    except PermissionError:
        return ("error", "permission_denied",
                "plandoc has no permission to read this file; ask whoever manages the folder to allow reading it")
    except OSError as exc:
        return "error", "unreadable", f"cannot be opened ({exc.strerror or type(exc).__name__})"
    if st.st_size == 0:
        return "unreadable", "empty", "is empty (0 bytes); the upload or copy may have failed"
    return None


class Runner:
    """Checks inputs one by one with checkers cached per profile (one per worker process)."""

    def __init__(self, ruleset: RuleSet, options: Options):
        self.ruleset = ruleset
        self.options = options
        self._checkers: dict[str, Checker] = {}
        if options.profile:
            self.checker(options.profile)  # unknown --profile is a usage error before any work

    def checker(self, profile: str) -> Checker:
        if profile not in self._checkers:
            self._checkers[profile] = Checker(self.ruleset, profile, self.options.as_of)
        return self._checkers[profile]

    def read(self, item: Input) -> document.PlanDocument | None:
        """The document, or None when a YAML/JSON found in a folder is not an intake."""
        if item.kind == "intake":
            if not item.explicit:
                try:
                    data, _ = intake.read_data(item.path, item.display)
                    if not intake.looks_like_intake(data):
                        return None
                except UnreadableError:
                    pass  # a broken intake file is reported (by load, below), not skipped
            plan, lines = intake.load(item.path, item.display, profiles=set(self.ruleset.profiles))
            doc = document.from_plan(plan, item.display)
            doc.lines = lines
            return doc
        if item.kind in ("pdf", "docx", "unknown"):
            from .parse import read_document

            return read_document(item.path, item.display, engine=self.options.pdf_engine, ocr=self.options.ocr)
        raise UnreadableError("is not a kind of file plandoc reads", None)

    def check(self, item: Input) -> DocumentResult:
        from .checks.kinds import across

        kind = item.kind if item.kind in ("intake", "pdf", "docx") else "unknown"
        result = DocumentResult(path=item.display, kind=kind)
        started = time.perf_counter()
        problem = _preflight(item.path)
        if problem:
            result.status, code, message = problem
            result.error = {"code": code, "message": message}
            return result
        result.sha256 = sha256_of(item.path)
        try:
            doc = self.read(item)
            if doc is None:
                result.skip_reason = "a YAML/JSON file that is not a plandoc intake (no plan fields)"
                return result
            result.kind = doc.kind
            profile = self.options.profile or doc.plan.profile or "generic"
            checker = self.checker(profile)
            result.profile = profile
            judgements = [checker.judge(st.text) for st in doc.statements]
            result.sections, result.goals = DocumentResult.shape(doc, judgements)
            result.findings = _with_lines(checker.check(doc), doc.lines)
            result.client_key = across.client_key(doc.plan, item.display)
            names = across.client_names(doc.plan)
            result.goal_keys = [across.statement_key(st.text, names) for st in doc.statements]
            if self.options.collect_due:
                from .due import due_facts

                result.due = due_facts(doc, checker.profile, self.options.as_of or dt.date.today())
            if self.options.redact:
                from .redact import Redactor

                Redactor.for_document(doc).apply(result)
        except NeedsOcrError as exc:
            result.status, result.error = "needs_ocr", _error(exc)
        except UnreadableError as exc:
            result.status, result.error = "unreadable", _error(exc)
        except IntakeError as exc:
            result.status = "error"
            result.error = {"code": exc.code, "message": str(exc), "problems": exc.problems}
        except (InputError, UsageError) as exc:
            result.status, result.error = "error", _error(exc)
        except PlandocError as exc:
            result.status, result.error = "error", _error(exc)
        except MemoryError:
            result.status, result.error = "error", _resource_error(self.options.max_memory_mb)
        except Exception as exc:  # a bug or a library failure we did not map: the batch goes on
            result.status = "error"
            result.error = {"code": "internal",
                            "message": f"plandoc could not check this file ({type(exc).__name__}); "
                                       "please report it with the plandoc version"}
        finally:
            result.seconds = round(time.perf_counter() - started, 4)
        if result.status != "checked":
            result.sections, result.goals, result.findings = [], [], []
        return result


def _with_lines(findings: list, lines: dict | None) -> list:
    """Give intake findings the line of the field they point at, for people editing the file."""
    if not lines:
        return findings
    out = []
    for f in findings:
        line = yamlsafe.line_for(lines, f.location.field) if f.location.field else None
        out.append(f.model_copy(update={"location": f.location.model_copy(update={"line": line})}) if line else f)
    return out


def _error(exc: PlandocError) -> dict[str, str]:
    line = exc.location.line
    where = f"line {line}: " if line else ""
    return {"code": exc.code, "message": f"{where}{exc.message}"}


def _resource_error(max_memory_mb: int | None) -> dict[str, str]:
    cap = f" ({max_memory_mb} MB, --max-memory)" if max_memory_mb else ""
    return {"code": ResourceLimitError.code,
            "message": f"needs more memory than plandoc allows for one file{cap}; it may be damaged or built "
                       "to exhaust memory. Open it and save a fresh copy, or raise --max-memory"}


def _timeout_error(timeout: float) -> dict[str, str]:
    return {"code": "timeout",
            "message": f"took longer than the {timeout:g} s allowed for one file (--timeout) and was stopped; "
                       "it may be very large or damaged. Save a fresh copy, or raise --timeout"}


def _crash_error(detail: str) -> dict[str, str]:
    return {"code": "worker_crashed",
            "message": f"the reader stopped unexpectedly on this file ({detail}); it may be damaged. "
                       "Save a fresh copy and check it again"}


# The worker processes' Runner: set before the pool forks, so workers inherit it ready to use.
_RUNNER: Runner | None = None


def _check_in_worker(item: Input) -> DocumentResult:
    assert _RUNNER is not None
    result = _RUNNER.check(item)
    # A rule's source is the same for every finding of the rule: the report takes it from the
    # rule set (Report.sources) instead of carrying a copy per finding back to the parent.
    result.findings = [f.model_copy(update={"source": None}) if f.source is not None else f for f in result.findings]
    return result


def _failed(item: Input, outcome, options: Options) -> DocumentResult:
    kind = item.kind if item.kind in ("intake", "pdf", "docx") else "unknown"
    res = DocumentResult(path=item.display, kind=kind, status="error", seconds=round(outcome.seconds, 4))
    if outcome.failure == "timeout":
        res.error = _timeout_error(options.timeout)
    elif outcome.failure == "memory" or (options.max_memory_mb and outcome.detail in ("SIGSEGV", "SIGABRT", "SIGBUS")):
        # Under an address-space cap, a C library that cannot allocate aborts or faults.
        res.error = _resource_error(options.max_memory_mb)
    elif outcome.detail == "SIGKILL":
        res.error = _resource_error(options.max_memory_mb)  # the kernel's out-of-memory killer
    else:
        res.error = _crash_error(outcome.detail)
    return res


def run(paths: list[Path], ruleset: RuleSet, options: Options,
        progress: Callable[[int, int], None] | None = None) -> Report:
    """Check every input; `progress(done, total)` is called after each document."""
    global _RUNNER
    entries = discover(paths)
    inputs = [e for e in entries if isinstance(e, Input)]
    total = len(inputs)
    runner = Runner(ruleset, options)
    results: dict[int, DocumentResult] = {}
    started = time.perf_counter()
    log.info("run: %d documents, %d skipped while walking folders, %d workers",
             total, len(entries) - total, options.workers)
    if options.workers <= 0:
        for item in inputs:
            results[item.index] = runner.check(item)
            _log_document(item.index, results[item.index])
            if progress:
                progress(len(results), total)
    else:
        from .pool import Limits, Pool

        _prepare_fork()
        _check_memory_cap(options.max_memory_mb)
        _RUNNER = runner
        pool = Pool(_check_in_worker, options.workers,
                    Limits(timeout=options.timeout, max_memory_mb=options.max_memory_mb,
                           recycle_after=options.recycle_after))
        by_index = {item.index: item for item in inputs}
        try:
            for index, outcome in pool.map((item.index, item) for item in inputs):
                res = outcome.value if outcome.failure is None else _failed(by_index[index], outcome, options)
                results[index] = res
                _log_document(index, res)
                if progress:
                    progress(len(results), total)
        finally:
            _RUNNER = None
        log.info("workers: peak resident memory %.1f MiB", pool.peak_worker_rss_kib / 1024)
    report = Report(profile=options.profile or "generic", rules_digest=ruleset.digest,
                    as_of=(options.as_of or dt.date.today()).isoformat())
    report.sources = {r.code: r.spec.source for r in ruleset.rules}
    for e in entries:
        if isinstance(e, Skipped):
            report.skipped.append(e.to_contract())
            continue
        res = results[e.index]
        if res.skip_reason:
            report.skipped.append({"path": res.path, "reason": res.skip_reason})
        else:
            report.documents.append(res)
    from .checks.kinds import across

    across.check_batch(report, ruleset, options.profile or "generic", options.duplicate_threshold)
    report.seconds = round(time.perf_counter() - started, 3)
    import resource

    log.info("run: %d documents in %.2f s (%.1f/s); parent peak resident memory %.1f MiB", total, report.seconds,
             total / report.seconds if report.seconds else 0.0,
             resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return report


def _check_memory_cap(max_memory_mb: int | None) -> None:
    from .pool import address_space_mb

    start = address_space_mb()
    if max_memory_mb and start and max_memory_mb < start + 256:
        raise UsageError(f"--max-memory {max_memory_mb} MB is too small: a worker starts with about {start} MB of "
                         f"address space; allow at least {start + 256} MB")


def _prepare_fork() -> None:
    """Import what every worker needs once, here, so forked and recycled workers start warm, and
    move the parent's objects out of the garbage collector's reach so workers do not copy them."""
    import gc
    import importlib

    for name in ("plandoc.parse", "plandoc.parse.pdf", "plandoc.parse.docx", "plandoc.parse.structure",
                 "plandoc.due", "plandoc.redact", "pypdfium2"):
        try:
            importlib.import_module(name)
        except ImportError:  # pragma: no cover - an optional reader missing is reported per document
            pass
    gc.collect()
    gc.freeze()


def _log_document(index: int, res: DocumentResult) -> None:
    # Never the path or any text: the index, a hash prefix, the status, counts and time.
    if log.isEnabledFor(logging.DEBUG):
        c = res.counts()
        log.debug("document #%d sha256:%s %s%s %d/%d/%d findings in %.3f s", index,
                  (res.sha256 or "-")[:12], res.status,
                  f" ({res.error['code']})" if res.error else "", c["error"], c["warning"], c["info"], res.seconds)
    elif res.status != "checked" and not res.skip_reason:
        log.info("document #%d: %s (%s)", index, res.status, (res.error or {}).get("code"))


def iter_inputs(paths: list[Path]) -> list[Input]:
    return [e for e in discover(paths) if isinstance(e, Input)]
