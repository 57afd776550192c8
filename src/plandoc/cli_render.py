"""Click commands `render`, `packet` and `templates` (list, lint, init).

Each command parses its options, calls one library function, prints, and maps the result to an
exit code: 0 done, 1 blocked by findings or lint problems (or a document failed), 2 usage error.
The lead registers them in `cli.py`:

    from .cli_render import render_command, packet_command, templates_group
    main.add_command(render_command); main.add_command(packet_command); main.add_command(templates_group)
"""

from __future__ import annotations

from pathlib import Path

import click

from .errors import PlandocError, UsageError
from .findings import Finding, Severity

EXIT_OK, EXIT_BLOCKED, EXIT_USAGE = 0, 1, 2


def _err(message: str) -> None:
    click.echo(message, err=True)


def _finding_line(file: str, f: Finding) -> str:
    where = f.location.short()
    return f"{file}:{where + ':' if where else ''} {f.rule} {Severity(f.severity).value}: {f.message}"


@click.command("render")
@click.argument("intake", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--profile", help="Payer profile id (default: the intake's own, else generic).")
@click.option("--template", type=click.Path(path_type=Path), help="A .docx template instead of the profile's.")
@click.option("-o", "--output", "out", type=click.Path(path_type=Path),
              help="Output .docx (one intake) or folder (several intakes or a folder).")
@click.option("--pdf", is_flag=True, help="Also write a PDF beside each DOCX (one LibreOffice call for all).")
@click.option("--force", is_flag=True, help="Render even when the check reports errors.")
def render_command(intake, profile, template, out, pdf, force):
    """Render intake file(s) into Word plans (and PDFs)."""
    from . import render_jobs
    from .pdf_export import PdfExportError

    try:
        outcomes = render_jobs.render_intakes(list(intake), profile=profile, template=template, out=out,
                                              pdf=pdf, force=force)
    except UsageError as exc:
        _err(f"error: {exc}")
        raise SystemExit(EXIT_USAGE)
    except PdfExportError as exc:
        _err(f"error: {exc}")
        raise SystemExit(EXIT_BLOCKED)
    # What happened to each intake goes to standard output, which is the command's report; standard
    # error gets only counts, never a file name (names of plan files often hold the client's name).
    failed = 0
    for oc in outcomes:
        name = oc.intake.name
        if oc.ok:
            click.echo(f"{name}: wrote {oc.docx}" + (f" and {oc.pdf}" if oc.pdf else "")
                       + (f" (profile {oc.profile}, template {oc.template})" if oc.profile else ""))
            for f in oc.findings:
                if f.severity == "error":
                    click.echo(_finding_line(name, f) + " [rendered with --force]")
            continue
        failed += 1
        click.echo(f"{name}: not rendered: {oc.error}")
        if oc.blocked:
            for f in oc.findings:
                if f.severity == "error":
                    click.echo(_finding_line(name, f))
    if failed:
        _err(f"plandoc: {failed} of {len(outcomes)} intake(s) not rendered (listed above)")
    raise SystemExit(EXIT_BLOCKED if failed else EXIT_OK)


@click.command("packet")
@click.argument("intake", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--profile", required=True, help="Payer profile id.")
@click.option("-o", "--output", "out", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Folder for the packet.")
@click.option("--no-pdf", is_flag=True, help="DOCX only (no LibreOffice).")
def packet_command(intake, profile, out, no_pdf):
    """Build a payer packet: cover sheet, plan, compliance checklist, Part 2 notice, manifest."""
    from . import packet
    from .render_jobs import BlockedError

    try:
        result = packet.build_packet_from_intake(intake, profile, out, pdf=not no_pdf)
    except BlockedError as exc:
        click.echo(f"{intake.name}: no packet: {exc}")
        for f in exc.findings:
            if f.severity == "error":
                click.echo(_finding_line(intake.name, f))
        _err("plandoc: packet refused while error findings remain (listed above)")
        raise SystemExit(EXIT_BLOCKED)
    except UsageError as exc:
        _err(f"error: {exc}")
        raise SystemExit(EXIT_USAGE)
    except PlandocError as exc:
        click.echo(f"{intake.name}: no packet: {exc.message}")
        _err("plandoc: the packet could not be built (reason above)")
        raise SystemExit(EXIT_BLOCKED)
    for w in result.warnings:
        _err(f"warning: {w}")
    for f in result.files:
        click.echo(f"wrote {f}")
    click.echo(f"wrote {result.manifest}")
    raise SystemExit(EXIT_OK)


@click.group("templates")
def templates_group():
    """List, lint and create plan templates."""


@templates_group.command("list")
def templates_list():
    """Show the shipped templates and the profile family each serves."""
    from .templates_catalog import list_templates

    for t in list_templates():
        click.echo(f"{t.id:<11} family={t.family:<11} {t.path.name}\n    {t.description}")


@templates_group.command("lint")
@click.argument("template", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--profile", help="Profile whose required sections to check (default: all nine).")
def templates_lint_command(template, profile):
    """Check template(s): syntax, split tags, unknown fields, sections, forbidden constructs, links, macros."""
    from .templates_lint import lint

    bad = 0
    for t in template:
        problems = lint(t, profile)
        for p in problems:
            _err(f"{t.name}: {p.where() + ': ' if p.where() else ''}{p.code}: {p.message}")
        if problems:
            bad += 1
        else:
            click.echo(f"{t.name}: ok")
    raise SystemExit(EXIT_BLOCKED if bad else EXIT_OK)


@templates_group.command("init")
@click.argument("name")
@click.option("-o", "--output", "out", type=click.Path(path_type=Path), help="Where to write (default: NAME.docx).")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def templates_init(name, out, force):
    """Write a starter template that passes lint."""
    from .templates_lint import init

    out = out or Path(("".join(c if c.isalnum() or c in "-_" else "-" for c in name).strip("-") or "template") + ".docx")
    try:
        path = init(name, out, force=force)
    except PlandocError as exc:
        _err(f"error: {exc}")
        raise SystemExit(EXIT_USAGE)
    click.echo(f"wrote {path}")
    raise SystemExit(EXIT_OK)
