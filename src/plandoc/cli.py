"""The `plandoc` command: options in, one library call, a formatter, an exit code."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from . import __version__, api
from .errors import PlandocError, RuleFileError, UsageError
from .fileio import write_atomic
from .findings import Severity

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_UNCHECKED = 0, 1, 2, 3


def _fail(exc: PlandocError) -> None:
    click.echo(f"plandoc: {exc}", err=True)
    sys.exit(EXIT_USAGE)


def _date(ctx, param, value):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter("use YYYY-MM-DD") from None


def _rules(rules_dirs: tuple[str, ...]):
    try:
        return api.load_rules([Path(d) for d in rules_dirs])
    except RuleFileError as exc:
        _fail(exc)


def _emit(text: str, output: str | None) -> None:
    if output:
        try:
            write_atomic(Path(output), text)
        except OSError as exc:
            click.echo(f"plandoc: cannot write {output}: {exc.strerror or exc}", err=True)
            sys.exit(EXIT_USAGE)
    else:
        click.echo(text, nl=False)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="plandoc")
def cli() -> None:
    """Check, render and read behavioral-health and substance-use treatment plans."""


rules_option = click.option("--rules", "rules_dirs", multiple=True, type=click.Path(file_okay=False),
                            help="A clinic's own rules folder (rules, profiles, overrides.yaml); repeatable.")
profile_option = click.option("--profile", default=None, help="Payer profile id (default: the intake's own, else generic).")


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@profile_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report here instead of standard output.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default="error", show_default=True,
              help="Exit 1 when a finding at or above this severity exists.")
@click.option("--as-of", callback=_date, help="Judge review dates and plan age as of this date (YYYY-MM-DD; default today).")
@click.option("--pdf-engine", type=click.Choice(["pdfium", "pdfplumber"]), default="pdfium", show_default=True)
@click.option("--ocr", is_flag=True, help="Run OCR (Tesseract) on PDFs without a text layer.")
@rules_option
def check(paths, profile, fmt, output, fail_on, as_of, pdf_engine, ocr, rules_dirs):
    """Check plans: intake YAML/JSON, DOCX, PDF, or folders of them."""
    rules = _rules(rules_dirs)
    try:
        report = api.check_paths(list(paths), profile=profile, as_of=as_of, rules=rules,
                                 pdf_engine=pdf_engine, ocr=ocr)
    except UsageError as exc:
        _fail(exc)
    if fmt == "json":
        from .report import json as fmt_json

        text = fmt_json.render(report)
    else:
        from .report import text as fmt_text

        text = fmt_text.render(report, colour=output is None and sys.stdout.isatty())
    _emit(text, output)
    sys.exit(report.exit_code(Severity(fail_on)))


@cli.group()
def rules() -> None:
    """List and explain the rules."""


@rules.command("list")
@profile_option
@rules_option
def rules_list(profile, rules_dirs):
    """The rules in force for a profile, with severity and source confidence."""
    from .ruledocs import rule_table

    rs = _rules(rules_dirs)
    try:
        click.echo(rule_table(rs, profile or "generic"))
    except UsageError as exc:
        _fail(exc)


@rules.command("explain")
@click.argument("code")
@rules_option
def rules_explain(code, rules_dirs):
    """What a rule checks, why, an example, and its source."""
    from .ruledocs import explain

    rs = _rules(rules_dirs)
    try:
        click.echo(explain(rs, code))
    except KeyError:
        _fail(UsageError(f"no rule {code!r}; see 'plandoc rules list'"))


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the intake format."""
    from .model import json_schema

    click.echo(json.dumps(json_schema(), indent=2))


@cli.command()
@click.argument("path", type=click.Path(dir_okay=False), default="plan.yaml")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def init(path, force):
    """Write a commented starter intake file to fill in."""
    from .resources import samples_dir

    target = Path(path)
    if target.exists() and not force:
        _fail(UsageError(f"{path} already exists (use --force to overwrite)"))
    text = (samples_dir() / "intake" / "complete.yaml").read_text(encoding="utf-8")
    write_atomic(target, text, mode=0o600)
    click.echo(f"wrote {path}: fill it in, then run: plandoc check {path}", err=True)


from .cli_render import packet_command, render_command, templates_group  # noqa: E402

cli.add_command(render_command)
cli.add_command(packet_command)
cli.add_command(templates_group)


def main() -> None:
    try:
        cli(standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("plandoc: interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
