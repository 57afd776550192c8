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

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_UNCHECKED, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="plandoc")
def cli() -> None:
    """Check, render and read behavioral-health and substance-use treatment plans."""


rules_option = click.option("--rules", "rules_dirs", multiple=True, type=click.Path(file_okay=False),
                            help="A clinic's own rules folder (rules, profiles, overrides.yaml); repeatable.")
profile_option = click.option("--profile", default=None, help="Payer profile id (default: the intake's own, else generic).")


def batch_options(f):
    """Options shared by every command that reads many files in worker processes."""
    for opt in reversed([
        click.option("--workers", type=click.IntRange(min=1), default=None,
                     help="Worker processes (default: the number of cores). Each document is read in a worker, "
                          "so --timeout and --max-memory hold even with 1."),
        click.option("--timeout", type=click.FloatRange(min=0.1), default=60.0, show_default=True,
                     help="Seconds allowed for one document; a worker past it is killed (status error, code timeout)."),
        click.option("--max-memory", "max_memory", type=click.IntRange(min=0), default=2048, show_default=True,
                     help="Address space one worker may use, in MB (0: no cap); past it the document gets "
                          "code resource_limit."),
        click.option("--recycle-after", type=click.IntRange(min=1), default=100, show_default=True,
                     help="Replace a worker with a fresh one after this many documents."),
        click.option("-v", "--verbose", count=True, help="Log counts and timings to standard error (-vv: per document). "
                                                         "Logs never hold document text, values or paths."),
        click.option("-q", "--quiet", is_flag=True, help="No progress bar and no log lines except errors."),
    ]):
        f = opt(f)
    return f


def _setup(verbose: int, quiet: bool) -> None:
    from .logs import setup

    if verbose and quiet:
        _fail(UsageError("use either -v/--verbose or -q/--quiet, not both"))
    setup(verbose, quiet)


def _progress(quiet: bool, verbose: int = 0):
    """The progress bar, unless -q, or -v (whose log lines would tear through the bar)."""
    from .progress import Progress, wanted

    return Progress() if not quiet and not verbose and wanted() else None


class _Stopped(Exception):
    def __init__(self, code: int):
        self.code = code


def _on_sigterm(signum, frame):
    raise _Stopped(143)


def _write(data: str | bytes, output: str | None, binary: bool) -> None:
    if output:
        try:
            write_atomic(Path(output), data)
        except OSError as exc:
            click.echo(f"plandoc: cannot write the report: {exc.strerror or type(exc).__name__}", err=True)
            sys.exit(EXIT_USAGE)
    elif binary:
        sys.stdout.flush()
        sys.stdout.buffer.write(data if isinstance(data, bytes) else data.encode())
        sys.stdout.buffer.flush()
    else:
        click.echo(data, nl=False)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@profile_option
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv", "html", "xlsx"]), default="text",
              show_default=True, help="xlsx is binary: give --output, or redirect standard output.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report here (owner-only, atomically) "
                                                                     "instead of standard output.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default="error", show_default=True,
              help="Exit 1 when a finding at or above this severity exists.")
@click.option("--as-of", callback=_date, help="Judge review dates and plan age as of this date (YYYY-MM-DD; default today).")
@click.option("--pdf-engine", type=click.Choice(["pdfium", "pdfplumber"]), default="pdfium", show_default=True)
@click.option("--ocr", is_flag=True, help="Run OCR (Tesseract) on PDFs without a text layer.")
@click.option("--redact", is_flag=True, help="Replace client names, dates of birth, ids, addresses, phones and e-mails "
                                             "in every report format with placeholders.")
@click.option("--duplicate-threshold", type=click.IntRange(min=2), default=None,
              help="Report a goal or objective found word for word in plans of this many different clients "
                   "(default: the profile's batch_duplicate_goal_threshold, 3).")
@click.option("--audit-log", type=click.Path(dir_okay=False),
              help="Append one JSON line per document and per run (hashes, statuses, counts; no PHI, no paths).")
@batch_options
@rules_option
def check(paths, profile, fmt, output, fail_on, as_of, pdf_engine, ocr, redact, duplicate_threshold, audit_log,
          workers, timeout, max_memory, recycle_after, verbose, quiet, rules_dirs):
    """Check plans: intake YAML/JSON, DOCX, PDF, or folders of them."""
    import os
    import signal

    _setup(verbose, quiet)
    if fmt == "xlsx" and not output and sys.stdout.isatty():
        _fail(UsageError("xlsx is a binary format: give --output FILE or redirect standard output"))
    rules = _rules(rules_dirs)
    progress = _progress(quiet, verbose)
    audit_opts = {"format": fmt, "workers": workers or os.cpu_count() or 1, "timeout": timeout,
                  "max_memory_mb": max_memory, "redact": redact, "profile": profile}
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    report = None
    try:
        report = api.check_paths(list(paths), profile=profile, as_of=as_of, rules=rules, pdf_engine=pdf_engine,
                                 ocr=ocr, workers=workers or os.cpu_count() or 1, timeout=timeout,
                                 max_memory_mb=max_memory or None, recycle_after=recycle_after, redact=redact,
                                 duplicate_threshold=duplicate_threshold, progress=progress)
    except UsageError as exc:
        _fail(exc)
    except (KeyboardInterrupt, _Stopped) as exc:
        code = exc.code if isinstance(exc, _Stopped) else EXIT_INTERRUPTED
        if progress:
            progress.close()
        if audit_log:
            _audit(audit_log, None, "check", "interrupted", code, rules, audit_opts)
        click.echo("plandoc: interrupted; workers stopped, no report written", err=True)
        sys.exit(code)
    finally:
        signal.signal(signal.SIGTERM, previous)
    if progress:
        progress.close()
    from .report import BINARY, render

    data = render(report, fmt, colour=output is None and fmt == "text" and sys.stdout.isatty())
    _write(data, output, fmt in BINARY)
    if output and not quiet:
        sm = report.summary()
        f = sm["findings"]
        click.echo(f"plandoc: {fmt} report written: {sm['documents']} documents ({sm['checked']} checked, "
                   f"{sm['failed']} could not be checked, {sm['skipped']} skipped); {f['error']} errors, "
                   f"{f['warning']} warnings, {f['info']} info", err=True)
    code = report.exit_code(Severity(fail_on))
    if audit_log:
        _audit(audit_log, report, "check", "completed", code, rules, audit_opts)
    sys.exit(code)


def _audit(path, report, command, outcome, code, rules, options) -> None:
    from . import audit

    try:
        audit.append(Path(path), audit.lines(report, command=command, outcome=outcome, exit_code=code,
                                             rules_digest=rules.digest, options=options))
    except OSError as exc:
        click.echo(f"plandoc: cannot append to the audit log: {exc.strerror or type(exc).__name__}", err=True)
        sys.exit(EXIT_USAGE)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@profile_option
@click.option("--as-of", callback=_date, help="Count due and overdue as of this date (YYYY-MM-DD; default today).")
@click.option("--within", type=click.IntRange(min=0), default=30, show_default=True,
              help="Also list plans due within this many days after --as-of.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv", "ics"]), default="text", show_default=True,
              help="ics: an RFC 5545 calendar, one event per plan, with initials and record id only.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write here (owner-only, atomically).")
@click.option("--pdf-engine", type=click.Choice(["pdfium", "pdfplumber"]), default="pdfium", show_default=True)
@batch_options
@rules_option
def due(paths, profile, as_of, within, fmt, output, pdf_engine, workers, timeout, max_memory, recycle_after,
        verbose, quiet, rules_dirs):
    """Plans whose review or signatures are due or overdue, as a list or a calendar to import."""
    import os

    from .due import due_plans
    from .report.due import RENDERERS

    _setup(verbose, quiet)
    rules = _rules(rules_dirs)
    progress = _progress(quiet, verbose)
    as_of = as_of or dt.date.today()
    try:
        report = api.check_paths(list(paths), profile=profile, as_of=as_of, rules=rules, pdf_engine=pdf_engine,
                                 workers=workers or os.cpu_count() or 1, timeout=timeout,
                                 max_memory_mb=max_memory or None, recycle_after=recycle_after,
                                 collect_due=True, progress=progress)
    except UsageError as exc:
        _fail(exc)
    except KeyboardInterrupt:
        click.echo("plandoc: interrupted; workers stopped, nothing written", err=True)
        sys.exit(EXIT_INTERRUPTED)
    finally:
        if progress:
            progress.close()
    _write(RENDERERS[fmt](due_plans(report, as_of, within)), output, False)


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
