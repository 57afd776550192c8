"""The payer packet: cover sheet, plan (DOCX + PDF), compliance checklist, Part 2 notice, manifest.

    build_packet(plan, "medicaid-tx", Path("out/packet"), findings=findings)

- Refused while any `error` finding remains (`render_jobs.BlockedError`).
- HIPAA minimum necessary (45 CFR 164.502(b)): `sections` is an allow-list of section ids; the
  others keep their heading in the plan with a "not included in this disclosure" line. The
  profile's `packet_sections` (rules engine) supplies it in `build_packet_from_intake`.
- 42 CFR Part 2: when the plan has an F10-F19 diagnosis, the notice from
  `rules/privacy/part2-notice.yaml` (versioned, clinic-configurable) is printed on the cover sheet
  and as its own page.
- `manifest.json` lists every file with its SHA-256 and size (sorted keys, no timestamps).
- File names are neutral (`01-plan.docx`), never the client's name.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from . import __version__, model, pdf_export, render, resources, sections, templates_catalog, yamlsafe
from .docx_package import atomic_write
from .errors import PlandocError, UsageError
from .findings import Finding, Location, Severity
from .render_jobs import BlockedError, blocking

NOTICE_FILE = ("privacy", "part2-notice.yaml")
_NOTICE_KEYS = ("version", "effective", "source", "text")


# Context keys the packet documents add to the plan's (for `templates lint` of packet templates).
PACKET_VARIABLES = ("contents", "disclosed_sections", "withheld_sections", "notice", "requirements", "summary",
                    "checked_on", "checker")


@dataclass(frozen=True)
class Requirement:
    """One requirement of a profile, for the checklist (a rule the checker runs)."""

    rule: str
    name: str
    citation: str = ""


@dataclass
class PacketResult:
    folder: Path
    files: list[Path]
    manifest: Path
    part2: bool
    warnings: list[str] = field(default_factory=list)


def load_notice(path: Path | None = None) -> dict[str, str]:
    path = path or resources.rules_dir().joinpath(*NOTICE_FILE)
    try:
        data, _ = yamlsafe.load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yamlsafe.YamlProblem) as exc:
        raise PlandocError(f"the Part 2 notice file cannot be read ({type(exc).__name__})",
                           code="notice") from None
    missing = [k for k in _NOTICE_KEYS if not isinstance(data, dict) or not str(data.get(k) or "").strip()]
    if missing:
        raise PlandocError(f"the Part 2 notice file lacks {', '.join(missing)}", code="notice")
    return {k: " ".join(str(v).split()) for k, v in data.items() if isinstance(v, (str, int, float))}


def profile_requirements(profile: str) -> tuple[list[Requirement], list[str] | None]:
    """The rules a profile runs (for the checklist) and its `packet_sections` allow-list, from the
    rules engine (`plandoc.checks.engine.resolve`)."""
    from .api import load_rules
    from .checks.engine import resolve

    prof = resolve(load_rules(), profile)
    reqs = [Requirement(r.code, r.spec.name,
                        payer_citation(r.spec.source.citation) + f" [{r.spec.source.confidence}]")
            for r in prof.rules]
    return reqs, prof.packet_sections


_RESEARCH_REFS = re.compile(
    # a parenthesis naming plandoc's research notes: '(M7)', '(S3, S10)', '(A4, DOMAIN.md section 6)'
    r"\s*\((?:[^()]*?(?:DOMAIN\.md|CONTRACT\.md|\b[MSACP]\d+[a-z]?\b))[^()]*\)"
    # the same references outside a parenthesis
    r"|\s*(?:as quoted in\s+)?(?:DOMAIN|CONTRACT)\.md(?:\s+(?:sections?|P\d|C\d|\d)[\w. ]*)?(?:\s*\([^)]*\))?")


def payer_citation(text: str) -> str:
    """A rule's citation as a payer reads it: the regulation or source, without the project's own
    research-note references (which point at files the payer does not have)."""
    out = _RESEARCH_REFS.sub("", " ".join(text.split()))
    out = re.sub(r"\s*;\s*(?=;|$)", "", out)
    out = re.sub(r"^\s*;\s*", "", out)
    return re.sub(r"\s{2,}", " ", out).strip(" ;,") or "plandoc rule"


def _citation(f: Finding) -> str:
    if f.source is None:
        return ""
    return payer_citation(f.source.citation) + f" [{f.source.confidence}]"


def checklist_rows(findings: Sequence[Finding], requirements: Sequence[Requirement] | None
                   ) -> list[dict[str, str]]:
    """One row per requirement: met, or not met with the findings' messages and citation."""
    by_rule: dict[str, list[Finding]] = {}
    for f in findings:
        by_rule.setdefault(f.rule, []).append(f)
    rows: list[dict[str, str]] = []
    seen: set[str] = set()

    def status(fs: list[Finding]) -> str:
        worst = max((Severity(f.severity) for f in fs), key=lambda s: s.rank)
        return {"error": "Not met", "warning": "Not met (warning)", "info": "Note"}[worst.value]

    def details(fs: list[Finding]) -> str:
        where = [f"{f.location.field_path or f.location.section or ''}: {f.message}".lstrip(": ") for f in fs]
        return "\n".join(where)

    for req in requirements or ():
        fs = by_rule.get(req.rule, [])
        rows.append({"rule": req.rule, "name": req.name, "status": status(fs) if fs else "Met",
                     "details": details(fs), "citation": req.citation or (_citation(fs[0]) if fs else "")})
        seen.add(req.rule)
    for rule in sorted(by_rule):
        if rule in seen:
            continue
        fs = by_rule[rule]
        rows.append({"rule": rule, "name": fs[0].name, "status": status(fs), "details": details(fs),
                     "citation": _citation(fs[0])})
    return rows


def build_packet(plan: model.Plan, profile: str, out_dir: Path, *, findings: Sequence[Finding],
                 requirements: Sequence[Requirement] | None = None, sections_allowed: Sequence[str] | None = None,
                 notice_path: Path | None = None, plan_template: Path | None = None, pdf: bool = True,
                 checked_on: dt.date | None = None) -> PacketResult:
    """Write the packet into `out_dir` and return what was written.

    `findings` are the checker's findings for this plan and profile; any `error` refuses the packet.
    `requirements` lists every rule the profile runs, so the checklist can show met ones too; when
    it is not given, the checklist lists only the rules that raised findings and says so.
    """
    templates_catalog.check_profile_id(profile)
    if blocking(findings):
        raise BlockedError(None, findings, forceable=False)
    out_dir = Path(out_dir)
    if out_dir.exists() and (not out_dir.is_dir() or any(out_dir.iterdir())):
        # A packet folder holds one client's packet: never mix files of two plans.
        raise UsageError("the packet folder is not empty; give a new or empty folder so one packet never mixes "
                         "two clients' files", Location(file=out_dir.name))
    allowed = list(sections_allowed) if sections_allowed is not None else list(sections.SECTION_IDS)
    withheld = [s for s in sections.SECTION_IDS if s not in allowed]
    part2 = render.is_part2(plan)
    warnings: list[str] = []
    notice = load_notice(notice_path) if part2 else None
    if notice and notice.get("superseded_by_unverified"):
        where = notice_path or resources.rules_dir() / "privacy" / "part2-notice.yaml"
        warnings.append(f"Part 2 notice version {notice['version']} may be superseded "
                        f"({notice['superseded_by_unverified']}); verify it against the current 42 CFR 2.32 "
                        f"before sending: {where}")
    out_dir.mkdir(parents=True, exist_ok=True)

    plan_tpl = plan_template or templates_catalog.template_for(profile).path
    contents = [("Cover sheet", "00-cover"), ("Recovery maintenance plan", "01-plan"),
                ("Compliance checklist", "02-checklist")]
    if part2:
        contents.append(("Notice to accompany disclosure (42 CFR Part 2)", "03-part2-notice"))
    listed = []
    for title, stem in contents:
        listed.append({"title": title, "file": f"{stem}.docx"})
        if pdf:
            listed.append({"title": f"{title} (PDF)", "file": f"{stem}.pdf"})

    rows = checklist_rows(findings, requirements)
    if notice:
        rows.append({"rule": "PART2-NOTICE", "name": "42 CFR 2.32 notice accompanies the disclosure",
                     "status": "Included", "details": f"Notice version {notice['version']}. " + " ".join(warnings),
                     "citation": f"{notice['source']} [{notice.get('confidence', 'unrated')}]"})
    counts = {s: sum(1 for f in findings if Severity(f.severity).value == s) for s in ("error", "warning", "info")}
    summary = (f"{len(findings)} finding(s): {counts['error']} error, {counts['warning']} warning, "
               f"{counts['info']} info.")
    if requirements is None:
        summary += " Only requirements that raised a finding are listed; all other rules of the profile passed."

    titles = {s.id: s.title for s in sections.SECTIONS}
    extras: dict[str, Any] = {
        "contents": listed,
        "disclosed_sections": [titles[s] for s in sections.SECTION_IDS if s in allowed],
        "withheld_sections": [titles[s] for s in withheld],
        "notice": notice or {},
        "requirements": rows,
        "summary": summary,
        "checked_on": (checked_on or plan.plan_date or dt.date.today()),
        "checker": f"plandoc {__version__}",
    }
    ctx = render.build_context(plan, profile=profile, include=allowed, extras=extras)
    docs = [
        render.render_template(templates_catalog.packet_template("cover"), ctx, out_dir / "00-cover.docx",
                               title="Payer packet cover sheet"),
        render.render_template(plan_tpl, ctx, out_dir / "01-plan.docx", title=render.PLAN_TITLE),
        render.render_template(templates_catalog.packet_template("checklist"), ctx, out_dir / "02-checklist.docx",
                               title="Compliance checklist"),
    ]
    if part2:
        docs.append(render.render_template(templates_catalog.packet_template("part2_notice"), ctx,
                                           out_dir / "03-part2-notice.docx", title="Part 2 notice"))
    files = [d.path for d in docs]
    if pdf:
        files += pdf_export.convert(files)
    files.sort()
    manifest = {
        "plandoc_version": __version__,
        "profile": profile,
        "part2": part2,
        "part2_notice_version": notice["version"] if notice else None,
        "sections_disclosed": [s for s in sections.SECTION_IDS if s in allowed],
        "sections_withheld": withheld,
        "findings": counts,
        "warnings": warnings,
        "files": [{"name": f.name, "sha256": hashlib.sha256(f.read_bytes()).hexdigest(),
                   "bytes": f.stat().st_size} for f in files],
    }
    mpath = out_dir / "manifest.json"
    atomic_write(mpath, (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode("utf-8"))
    return PacketResult(out_dir, files, mpath, part2, warnings)


def build_packet_from_intake(intake_path: Path, profile: str, out_dir: Path, *, pdf: bool = True,
                             checker=None, loader=None, sections_allowed: Sequence[str] | None = None
                             ) -> PacketResult:
    """Load an intake, check it with the profile, and build its packet (what `plandoc packet` runs)."""
    from .render_jobs import default_checker, default_loader

    intake_path = Path(intake_path)
    checker = checker or default_checker()
    if checker is None:
        raise PlandocError("cannot build a packet: the checker (plandoc.api.check_plan) is not available "
                           "in this installation, and the checklist needs its findings", code="no_checker")
    plan = (loader or default_loader())(intake_path)
    findings = list(checker(plan, profile=profile))
    requirements, profile_sections = profile_requirements(profile)
    if sections_allowed is None:
        sections_allowed = profile_sections
    try:
        return build_packet(plan, profile, out_dir, findings=findings, pdf=pdf, sections_allowed=sections_allowed,
                            requirements=requirements)
    except BlockedError as exc:
        exc.location = exc.location.model_copy(update={"file": intake_path.name})
        raise
