"""`plandoc render` as a library call: load, check, render, then convert all PDFs in one batch.

The checker gate: an intake is checked with `plandoc.api.check_plan(plan, profile=...)` first,
and a plan with `error` findings is not rendered unless `force` is set. Until `plandoc.api` is
available, rendering without `force` is refused with a message that says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from . import intake, model, pdf_export, render, templates_catalog
from .errors import PlandocError, UsageError
from .findings import Finding, Location, Severity

Checker = Callable[..., list[Finding]]
Loader = Callable[[Path], model.Plan]


def default_checker() -> Checker | None:
    try:
        from . import api  # type: ignore[attr-defined]
    except ImportError:
        return None
    return getattr(api, "check_plan", None)


def default_loader() -> Loader:
    try:
        from . import api  # type: ignore[attr-defined]

        load = getattr(api, "load_intake", None)
        if load is not None:
            return load
    except ImportError:
        pass
    return lambda path: intake.load(Path(path))[0]


# Signatures are added after a plan is printed: their gaps never stop a render (they still stop a
# packet, which goes to the payer).
RENDER_EXEMPT = frozenset({"signature"})


def blocking(findings: Sequence[Finding], exempt: frozenset[str] = frozenset()) -> list[Finding]:
    return [f for f in findings if Severity(f.severity) == Severity.error and f.category not in exempt]


class BlockedError(PlandocError):
    """A plan with error findings, refused for rendering or packet building."""

    code = "blocked"

    def __init__(self, file: str | None, findings: Sequence[Finding], *, forceable: bool = True,
                 exempt: frozenset[str] = frozenset()):
        self.findings = list(findings)
        n = len(blocking(self.findings, exempt))
        hint = " or use --force" if forceable else ""
        super().__init__(f"{n} blocking finding{'s' if n != 1 else ''}; fix {'them' if n != 1 else 'it'}{hint}",
                         Location(file=file))


def gate(plan: model.Plan, *, profile: str, force: bool, checker: Checker | None, file: str | None
         ) -> list[Finding]:
    """Check a plan; raise BlockedError when it has error findings and `force` is not set."""
    if checker is None:
        if force:
            return []
        raise PlandocError("cannot check the plan before rendering: the checker (plandoc.api.check_plan) "
                           "is not available in this installation; use --force to render unchecked",
                           Location(file=file), code="no_checker")
    findings = list(checker(plan, profile=profile))
    if blocking(findings, RENDER_EXEMPT) and not force:
        raise BlockedError(file, findings, exempt=RENDER_EXEMPT)
    return findings


@dataclass
class RenderOutcome:
    intake: Path
    docx: Path | None = None
    pdf: Path | None = None
    profile: str | None = None
    template: str | None = None
    findings: list[Finding] = field(default_factory=list)
    error: PlandocError | None = None

    @property
    def blocked(self) -> bool:
        return isinstance(self.error, BlockedError)

    @property
    def ok(self) -> bool:
        return self.error is None


def expand_inputs(inputs: Sequence[Path]) -> list[Path]:
    """Files as given; folders searched recursively for intake files, in name order."""
    out: list[Path] = []
    for p in map(Path, inputs):
        if p.is_dir():
            out.extend(sorted(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in intake.INTAKE_SUFFIXES))
        elif p.is_file():
            out.append(p)
        else:
            raise UsageError("does not exist", Location(file=str(p)))
    return out


def _targets(files: list[Path], out: Path | None, many: bool) -> list[Path]:
    if out is None:
        return [f.with_suffix(".docx") for f in files]
    if not many and out.suffix.lower() == ".docx":
        out.parent.mkdir(parents=True, exist_ok=True)
        return [out]
    if out.exists() and not out.is_dir():
        raise UsageError("is not a folder; with several intakes, -o names an output folder", Location(file=str(out)))
    out.mkdir(parents=True, exist_ok=True)
    names = [f.stem for f in files]
    if len(set(names)) != len(names):
        raise UsageError("two intake files have the same name; render them into different folders")
    return [out / f"{f.stem}.docx" for f in files]


def render_intakes(inputs: Sequence[Path], *, profile: str | None = None, template: Path | None = None,
                   out: Path | None = None, pdf: bool = False, force: bool = False,
                   checker: Checker | None = None, loader: Loader | None = None,
                   use_default_checker: bool = True) -> list[RenderOutcome]:
    """Render one or many intakes; with `pdf`, all PDFs come from one LibreOffice call.

    Per-file problems (invalid intake, blocking findings, illegal characters) are reported in the
    outcome and the batch continues. Usage problems raise UsageError.
    """
    if profile is not None:
        templates_catalog.check_profile_id(profile)
    if template is not None and not Path(template).is_file():
        raise UsageError("template does not exist", Location(file=str(template)))
    if checker is None and use_default_checker:
        checker = default_checker()
    loader = loader or default_loader()
    given = [Path(p) for p in inputs]
    files = expand_inputs(given)
    many = len(files) > 1 or any(p.is_dir() for p in given)
    targets = _targets(files, Path(out) if out else None, many)
    outcomes: list[RenderOutcome] = []
    for src, dst in zip(files, targets):
        oc = RenderOutcome(src)
        outcomes.append(oc)
        try:
            plan = loader(src)
            prof = profile or plan.profile or "generic"
            templates_catalog.check_profile_id(prof)
            tpl = Path(template) if template else templates_catalog.template_for(prof).path
            oc.profile, oc.template = prof, tpl.name
            oc.findings = gate(plan, profile=prof, force=force, checker=checker, file=src.name)
            oc.docx = render.render_plan(plan, tpl, dst, profile=prof)
        except BlockedError as exc:
            oc.findings = exc.findings
            oc.error = exc
        except PlandocError as exc:
            if exc.location.file is None:
                exc.location = Location(file=src.name)
            oc.error = exc
    if pdf:
        done = [oc for oc in outcomes if oc.docx is not None]
        if done:
            pdfs = pdf_export.convert([oc.docx for oc in done])
            for oc, p in zip(done, pdfs):
                oc.pdf = p
    return outcomes
