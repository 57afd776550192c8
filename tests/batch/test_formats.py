"""CSV, XLSX and HTML reports: every input present, formulas neutralized, everything escaped."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
import zipfile

import openpyxl

from plandoc.report import csv as fmt_csv
from plandoc.report import html as fmt_html
from plandoc.report import xlsx as fmt_xlsx
from plandoc.report.rows import neutralize

from ..conftest import SAMPLES
from .conftest import AS_OF, invoke, run_cli
from .reports import FORMULAS, HOSTILE_PATH, hostile_report


def test_neutralize_each_formula_start():
    for v in FORMULAS:
        assert neutralize(v) == "'" + v
    assert neutralize("plain") == "plain" and neutralize(3) == 3 and neutralize("") == ""


def test_csv_one_row_per_finding_and_neutralized():
    report = hostile_report()
    rows = list(csv.DictReader(io.StringIO(fmt_csv.render(report))))
    by_doc = {}
    for r in rows:
        by_doc.setdefault(r["document"], []).append(r)
    assert len(by_doc["'" + HOSTILE_PATH] if HOSTILE_PATH[0] in "=+-@" else by_doc[HOSTILE_PATH]) == len(FORMULAS)
    # documents with no findings, errors and skipped files still get one row each
    assert by_doc["plans/plain-0.yaml"][0]["message"] == "no findings"
    assert by_doc["plans/broken.pdf"][0]["status"] == "unreadable"
    assert by_doc["plans/notes.odt"][0]["status"] == "skipped"
    assert len(rows) == len(FORMULAS) + 1 + 2 + 3 + 1 + 1
    for r in rows:
        for value in r.values():
            assert not value or value[0] not in "=+-@\t\r", value
    evidences = [r["evidence"] for r in rows if r["rule"] == "PD101"]
    assert evidences == ["'" + f for f in FORMULAS]
    assert list(rows[0]) == ["document", "kind", "status", "error_code", "section", "rule", "category", "severity",
                             "page", "field", "message", "evidence", "suggestion"]


def test_xlsx_reopens_with_sheets_filters_frozen_header_and_no_formulas(tmp_path):
    path = tmp_path / "r.xlsx"
    path.write_bytes(fmt_xlsx.render(hostile_report()))
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Documents", "Findings"]
    docs, finds = wb["Documents"], wb["Findings"]
    for ws in (docs, finds):
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(ws.max_column)}{ws.max_row}"
        assert ws["A1"].font.b
        assert all(4 <= (ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width or 0) <= 60
                   for c in range(1, ws.max_column + 1))
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", cell.value
    assert docs.max_row == 1 + 5 + 1  # header, five documents, one skipped
    evidences = [r[11] for r in finds.iter_rows(min_row=2, values_only=True) if r[5] == "PD101"]
    assert evidences == list(FORMULAS[:4]) + ["\tTAB", "\rCR"] or evidences == list(FORMULAS)
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            assert "<f>" not in z.read(name).decode("utf-8", "replace")


def test_html_escapes_everything_and_loads_nothing():
    html = fmt_html.render(hostile_report())
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    assert "<b>bold</b>" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html
    assert "<i>this</i>" not in html
    assert html.count("<script>") == 1  # our own, inline
    assert not re.search(r"""(src|href)=["'](?!#|https://example\.org)""", html)
    assert "<link" not in html and "@import" not in html and "url(" not in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    # every document has a row and a section
    assert html.count('<tr data-i="') == 5 and html.count('<article id="doc-') == 5
    assert "plans/notes.odt" in html


def test_cli_writes_each_format_owner_only(tmp_path):
    for fmt in ("json", "csv", "html", "xlsx", "text"):
        out = tmp_path / f"r.{fmt}"
        res = invoke("check", str(SAMPLES / "intake"), "--format", fmt, "-o", str(out), "--as-of", AS_OF,
                      "--workers", "2", "-q")
        assert res.returncode == 1, res.stderr
        assert res.stdout == ""
        assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
        data = out.read_bytes()
        assert data
        if fmt == "json":
            assert json.loads(data)["summary"]["documents"] == 7
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def _pty_run(args, stream):
    """Run plandoc with stdout or stderr on a terminal; returns (returncode, terminal bytes, other bytes)."""
    import pty
    import subprocess
    import sys

    from .conftest import cli_env

    master, slave = pty.openpty()
    kw = {"stdout": slave, "stderr": subprocess.PIPE} if stream == "stdout" else {"stderr": slave, "stdout": subprocess.PIPE}
    proc = subprocess.Popen([sys.executable, "-m", "plandoc.cli", *args], env=cli_env(), **kw)
    os.close(slave)
    import threading

    other_stream = proc.stderr if stream == "stdout" else proc.stdout
    other_box: list[bytes] = []
    reader = threading.Thread(target=lambda: other_box.append(other_stream.read()))
    reader.start()  # read the other stream meanwhile, or a full pipe would block the child
    seen = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    proc.wait(60)
    reader.join(60)
    other = other_box[0] if other_box else b""
    os.close(master)
    return proc.returncode, seen, other


def test_xlsx_is_refused_on_a_terminal_but_may_be_piped():
    import subprocess
    import sys

    from .conftest import cli_env

    args = ["check", str(SAMPLES / "intake" / "complete.yaml"), "--format", "xlsx", "--as-of", AS_OF]
    code, _, err = _pty_run(args, "stdout")
    assert code == 2 and b"binary" in err
    piped = subprocess.run([sys.executable, "-m", "plandoc.cli", *args], capture_output=True, env=cli_env())
    assert piped.returncode == 0 and piped.stdout[:2] == b"PK"


def test_report_path_that_is_a_symlink_or_in_a_read_only_folder_is_refused(tmp_path):
    target = tmp_path / "elsewhere.txt"
    target.write_text("keep")
    link = tmp_path / "report.json"
    os.symlink(target, link)
    res = invoke("check", str(SAMPLES / "intake" / "complete.yaml"), "--format", "json", "-o", str(link),
                 "--as-of", AS_OF)
    assert res.returncode == 2 and "cannot write" in res.stderr
    assert target.read_text() == "keep"
    ro = tmp_path / "ro"
    ro.mkdir()
    os.chmod(ro, 0o500)
    try:
        res = run_cli("check", str(SAMPLES / "intake" / "complete.yaml"), "--format", "json", "-o",
                      str(ro / "r.json"), "--as-of", AS_OF, honour_permissions=True)
        assert res.returncode == 2 and "cannot write" in res.stderr
        assert list(ro.iterdir()) == []
    finally:
        os.chmod(ro, 0o700)
