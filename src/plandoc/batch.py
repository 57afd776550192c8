"""Find the inputs under the paths given, read and check each, and account for every one.

Every path named on the command line becomes a document entry; every file found under a folder is
either a document or a skipped entry with its reason, never both and never neither.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from . import document, intake, yamlsafe
from .checks.engine import Checker
from .checks.loader import RuleSet
from .errors import InputError, IntakeError, NeedsOcrError, PlandocError, UnreadableError, UsageError
from .results import DocumentResult, Report

PDF_SUFFIXES = (".pdf",)
DOCX_SUFFIXES = (".docx", ".docm", ".dotx")


@dataclass(frozen=True)
class Input:
    path: Path
    display: str
    kind: str  # intake | pdf | docx | unknown


def sniff(path: Path) -> str | None:
    """The kind of file by its first bytes: 'pdf', 'zip', 'ole', 'text', or None for empty."""
    try:
        with path.open("rb") as fh:
            head = fh.read(1024)
    except OSError:
        return None
    if not head:
        return None
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if b"\x00" not in head:
        return "text"
    return "binary"


def _kind_by_name(path: Path) -> str | None:
    s = path.suffix.lower()
    if s in PDF_SUFFIXES:
        return "pdf"
    if s in DOCX_SUFFIXES:
        return "docx"
    if s in intake.INTAKE_SUFFIXES:
        return "intake"
    return None


def discover(paths: Iterable[Path]) -> tuple[list[Input], list[dict[str, str]]]:
    """Expand folders recursively; explicit files are always inputs."""
    inputs: list[Input] = []
    skipped: list[dict[str, str]] = []
    seen: set[str] = set()

    def add(path: Path, display: str, explicit: bool) -> None:
        key = os.path.abspath(display)
        if key in seen:
            return
        seen.add(key)
        kind = _kind_by_name(path)
        if path.is_dir():
            # A folder named like a document ('x.pdf'), found inside a folder walk.
            skipped.append({"path": display, "reason": "a folder, not a file"})
            return
        if kind is None:
            if explicit:
                inputs.append(Input(path, display, "unknown"))
            else:
                skipped.append({"path": display, "reason": f"not a plan document plandoc reads ({path.suffix or 'no extension'})"})
            return
        if kind == "intake" and not explicit:
            try:
                data, _ = intake.read_data(path, display)
            except UnreadableError:
                inputs.append(Input(path, display, kind))  # an intake file that is broken is reported, not skipped
                return
            if not intake.looks_like_intake(data):
                skipped.append({"path": display, "reason": "YAML/JSON file that is not a plandoc intake (no plan fields)"})
                return
        inputs.append(Input(path, display, kind))

    for p in paths:
        display = str(p)
        if p.is_dir():
            for root, dirs, files in os.walk(p, followlinks=False):
                dirs.sort()
                for name in sorted(files) + [d for d in dirs if _kind_by_name(Path(d))]:
                    full = Path(root) / name
                    add(full, str(full), explicit=False)
                # A symlinked folder is not followed (loops); it is listed as skipped.
                for d in list(dirs):
                    full = Path(root) / d
                    if full.is_symlink():
                        skipped.append({"path": str(full), "reason": "a link to a folder (not followed)"})
                        dirs.remove(d)
        elif p.exists() or p.is_symlink():
            add(p, display, explicit=True)
        else:
            raise UsageError(f"{display}: no such file or folder")
    return inputs, skipped


def sha256_of(path: Path) -> str | None:
    h = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return None
    return h.hexdigest()


@dataclass
class Options:
    profile: str | None = None  # None: the intake's own profile, else generic
    as_of: dt.date | None = None
    pdf_engine: str = "pdfium"
    ocr: bool = False


class Runner:
    """Checks inputs one by one with checkers cached per profile."""

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

    def read(self, item: Input) -> document.PlanDocument:
        if item.kind == "intake":
            plan, lines = intake.load(item.path, item.display, profiles=set(self.ruleset.profiles))
            doc = document.from_plan(plan, item.display)
            doc.lines = lines
            return doc
        if item.kind in ("pdf", "docx", "unknown"):
            from .parse import read_document

            return read_document(item.path, item.display, engine=self.options.pdf_engine, ocr=self.options.ocr)
        raise UnreadableError("is not a kind of file plandoc reads", None)

    def check(self, item: Input) -> DocumentResult:
        kind = item.kind if item.kind in ("intake", "pdf", "docx") else "unknown"
        result = DocumentResult(path=item.display, kind=kind, sha256=sha256_of(item.path))
        try:
            doc = self.read(item)
            result.kind = doc.kind
            profile = self.options.profile or doc.plan.profile or "generic"
            checker = self.checker(profile)
            result.profile = profile
            result.doc = doc
            result.judgements = [checker.judge(st.text) for st in doc.statements]
            result.findings = _with_lines(checker.check(doc), doc.lines)
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
        except Exception as exc:  # a bug or a library failure we did not map: the batch goes on
            result.status = "error"
            result.error = {"code": "internal",
                            "message": f"plandoc could not check this file ({type(exc).__name__}); "
                                       "please report it with the plandoc version"}
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


def run(paths: list[Path], ruleset: RuleSet, options: Options,
        progress: Callable[[DocumentResult], None] | None = None) -> Report:
    inputs, skipped = discover(paths)
    runner = Runner(ruleset, options)
    report = Report(profile=options.profile or "generic", skipped=skipped, rules_digest=ruleset.digest,
                    as_of=(options.as_of or dt.date.today()).isoformat())
    for item in inputs:
        res = runner.check(item)
        report.documents.append(res)
        if progress:
            progress(res)
    return report


def iter_inputs(paths: list[Path]) -> Iterator[Input]:
    inputs, _ = discover(paths)
    yield from inputs
