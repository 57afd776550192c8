"""Rule documentation generated from the rule files: the terminal table, `explain`, and docs/rules/."""

from __future__ import annotations

import re
from pathlib import Path

from .checks.engine import resolve
from .checks.kinds.base import Rule
from .checks.loader import RuleSet
from .sections import title

GROUPS = [
    ("PD0", "Completeness"), ("PD1", "Goal quality"), ("PD2", "Plain language"),
    ("PD3", "Error-prone abbreviations"), ("PD4", "Stigmatizing and subjective language"),
    ("PD5", "Golden thread"), ("PD6", "Schedule, dates and signatures"), ("PD7", "Diagnosis codes and privacy"),
]


def _group(code: str) -> str:
    for prefix, name in GROUPS:
        if code.startswith(prefix):
            return name
    return "Other"


def rule_table(rs: RuleSet, profile_id: str) -> str:
    prof = resolve(rs, profile_id)
    rows = [("code", "severity", "category", "conf.", "name")]
    for r in prof.rules:
        rows.append((r.code, r.severity.value, r.spec.category, r.spec.source.confidence, r.spec.name))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = [f"Profile {prof.id} ({' -> '.join(prof.chain)}): {len(prof.rules)} rules"]
    for row in rows:
        lines.append("  ".join(c.ljust(widths[i]) if i < 4 else c for i, c in enumerate(row)))
    return "\n".join(lines)


def _examples(rule: Rule) -> tuple[list[str], list[str]]:
    def show(ex) -> str:
        if isinstance(ex, str):
            return ex
        import yaml

        return yaml.safe_dump(ex, sort_keys=False, default_flow_style=None, width=100).strip()

    return [show(e) for e in rule.spec.examples.fail], [show(e) for e in rule.spec.examples.passing]


def _profiles_for(rs: RuleSet, rule: Rule) -> list[str]:
    out = []
    for pid in sorted(rs.profiles):
        prof = resolve(rs, pid)
        match = next((r for r in prof.rules if r.code == rule.code), None)
        if match is not None:
            out.append(f"{pid} ({match.severity.value})")
    return out


def _readable(template: str | None) -> str:
    """A message template for people: '{level_title} is not {missing_words}.' ->
    '<level title> is not <missing words>.' (each finding fills these in)."""
    return re.sub(r"\{([a-z_]+)\}", lambda m: "<" + m.group(1).replace("_", " ") + ">", template or "")


def explain(rs: RuleSet, code: str) -> str:
    rule = rs.rule(code.upper()) if code.upper().startswith("PD") else rs.rule(code)
    s = rule.spec
    fail, ok = _examples(rule)
    lines = [
        f"{s.code} {s.name}  [{s.kind}, {s.category}, {s.severity.value} by default]",
        "",
        "What it checks:",
        f"  {_readable(s.message)}",
        f"  Section: {title(s.section) if s.section else 'whole plan'}",
        "",
        "Why it matters:",
        f"  {s.why.strip()}",
        "",
        "Flagged, for example:",
        *[f"  - {line}" for ex in fail for line in ex.splitlines()],
        "Not flagged:",
        *[f"  + {line}" for ex in ok for line in ex.splitlines()],
        "",
        f"Source ({s.source.confidence}): {s.source.citation}",
    ]
    if s.source.url:
        lines.append(f"  {s.source.url}")
    lines.append(f"Profiles: {', '.join(_profiles_for(rs, rule)) or 'none'}")
    return "\n".join(lines)


CONFIDENCE_WORDS = {
    "R-off": "read on the issuing body's own site",
    "R-copy": "read in a third-party copy of the source",
    "GK": "general knowledge, not verified (never an error)",
    "P": "a plandoc proposal or example default, not a regulation",
}


def rule_page(rs: RuleSet, rule: Rule) -> str:
    s = rule.spec
    fail, ok = _examples(rule)
    out = [
        f"# {s.code} {s.name}",
        "",
        "<!-- Generated from the rule file by `python -m plandoc.ruledocs`; do not edit by hand. -->",
        "",
        f"Kind `{s.kind}` · category `{s.category}` · default severity **{s.severity.value}** · "
        f"section {('`' + s.section + '`') if s.section else 'whole plan'}",
        "",
        "## What it checks",
        "",
        _readable(s.message),
        "",
        "## Why it matters",
        "",
        s.why.strip(),
        "",
        "## Example",
        "",
        "Flagged:",
        "",
        *[f"```\n{e}\n```\n" for e in fail],
        "Not flagged:",
        "",
        *[f"```\n{e}\n```\n" for e in ok],
        "## Applies to",
        "",
        ", ".join(_profiles_for(rs, rule)) or "no shipped profile",
        "",
        "## Source",
        "",
        f"{s.source.citation} ({s.source.confidence}: {CONFIDENCE_WORDS[s.source.confidence]})",
    ]
    if s.source.url:
        out += ["", f"<{s.source.url}>"]
    return "\n".join(out) + "\n"


def index_page(rs: RuleSet) -> str:
    out = ["# plandoc rules", "",
           "<!-- Generated from the rule files by `python -m plandoc.ruledocs`; do not edit by hand. -->", "",
           f"{len(rs.rules)} rules. Confidence labels: "
           + "; ".join(f"**{k}** {v}" for k, v in CONFIDENCE_WORDS.items()) + ".", ""]
    current = None
    for r in rs.rules:
        g = _group(r.code)
        if g != current:
            out += ["", f"## {g}", "", "| code | name | category | severity | confidence |", "|---|---|---|---|---|"]
            current = g
        out.append(f"| [{r.code}]({r.code}.md) | {r.spec.name} | {r.spec.category} | {r.severity.value} | "
                   f"{r.spec.source.confidence} |")
    out += ["", "## Profiles", ""]
    for pid in sorted(rs.profiles):
        p = rs.profiles[pid]
        out += [f"### {pid}: {p.title}", "", p.description.strip(), ""]
        if p.extends:
            out += [f"Extends `{p.extends}`.", ""]
        if p.params:
            out += ["| parameter | value | basis |", "|---|---|---|"]
            for name, prm in p.params.items():
                basis = prm.basis + (f" ({prm.confidence})" if prm.confidence else "")
                if prm.note:
                    basis += f". {prm.note}"
                out.append(f"| {name} | {prm.value if prm.value is not None else 'not set (rule silent)'} | {basis} |")
            out.append("")
        if p.rules:
            out += ["Rule overrides:", ""]
            for code, ov in p.rules.items():
                out.append(f"- {code}: {ov.severity.value if ov.severity else ''}"
                           f"{' (off)' if ov.enabled is False else ''} — {ov.basis or ''}")
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def generate(rs: RuleSet, out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for r in rs.rules:
        p = out_dir / f"{r.code}.md"
        p.write_text(rule_page(rs, r), encoding="utf-8")
        written.append(p)
    idx = out_dir / "README.md"
    idx.write_text(index_page(rs), encoding="utf-8")
    written.append(idx)
    return written


def main() -> None:
    from .checks.loader import load_ruleset

    root = Path(__file__).resolve().parents[2]
    out = root / "docs" / "rules"
    for old in out.glob("PD*.md"):
        old.unlink()
    paths = generate(load_ruleset(), out)
    print(f"wrote {len(paths)} files to {out}")


if __name__ == "__main__":
    main()
