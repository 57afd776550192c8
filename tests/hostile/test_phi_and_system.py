"""RELIABILITY.md cases 27, 34, 35, 38 and 40: PHI stays out of stderr, nothing is fetched, nothing is
half-written, no file outside the inputs and the installed packages is opened."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from plandoc import api
from plandoc.fileio import write_atomic

from ..batch import canary
from ..batch.conftest import cli_command, cli_env, run_cli
from ..conftest import CORPUS, SAMPLES


@pytest.fixture
def phi_folder(tmp_path):
    """Canaries in file names, document text and intake values, with a broken file of each kind."""
    folder = tmp_path / f"{canary.LAST}_{canary.FIRST}"
    folder.mkdir()
    canary.intake(folder, f"{canary.LAST}_{canary.FIRST}_{canary.DOB_ISO}.yaml")
    canary.docx(folder, f"{canary.LAST}_{canary.CLIENT_ID}.docx")
    (folder / f"{canary.LAST}_scan.pdf").write_bytes(b"%PDF-1.4\n" + canary.NAME.encode() + b"\n%%EOF")
    (folder / f"{canary.LAST}_broken.yaml").write_text(f"client: {{name: {canary.NAME}\ngoals: [")
    (folder / f"{canary.LAST}_empty.docx").write_bytes(b"")
    return folder


def _assert_clean(text: str) -> None:
    for leak in canary.CANARIES:
        assert leak not in text, f"{leak!r} leaked"


def test_canary_names_never_reach_stderr_at_any_verbosity(phi_folder, tmp_path):
    """Case 27/35: file names, values and text carry the canary; stderr shows indices and hashes."""
    for flags in ([], ["-v"], ["-vvv"]):
        res = run_cli("check", str(phi_folder), "--format", "json", "-o", str(tmp_path / "r.json"), *flags)
        assert res.returncode in (1, 3)
        _assert_clean(res.stderr)
    res = run_cli("check", str(phi_folder / "missing" / f"{canary.NAME}.pdf"))
    assert res.returncode == 2
    _assert_clean(res.stderr)


def test_render_and_packet_keep_names_off_stderr(phi_folder, tmp_path):
    intake = next(phi_folder.glob("*.yaml"))
    res = run_cli("render", str(intake), "-o", str(tmp_path / "out.docx"))
    _assert_clean(res.stderr)
    broken = next(p for p in phi_folder.glob("*broken.yaml"))
    res = run_cli("render", str(broken), "-o", str(tmp_path / "b.docx"))
    assert res.returncode != 0
    _assert_clean(res.stderr)
    res = run_cli("packet", str(SAMPLES / "intake" / "missing-sections.yaml"), "--profile", "generic",
                  "-o", str(tmp_path / f"{canary.LAST}-packet"), "--no-pdf")
    assert res.returncode == 1
    _assert_clean(res.stderr)


def test_no_network_during_check_render_and_packet(tmp_path):
    """Case 40: no socket is created or connected while plandoc reads, checks, renders, packs."""
    events: list[str] = []

    def hook(event: str, args) -> None:
        if event in ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "urllib.Request"):
            events.append(event)

    sys.addaudithook(hook)  # audit hooks cannot be removed; this one only records
    from plandoc import packet

    api.check_paths([SAMPLES], workers=0)
    packet.build_packet_from_intake(SAMPLES / "intake" / "complete.yaml", "generic", tmp_path / "p", pdf=False)
    assert events == []


def test_only_inputs_and_installed_files_are_opened_while_reading_pdfs(tmp_path):
    """Case 34: reading PDFs (CMaps included) opens nothing outside the input, Python's own
    installation and the temporary folder."""
    pdfs = sorted((CORPUS / "robustness").glob("intl_*.pdf")) + sorted((SAMPLES / "plans").glob("*.pdf"))
    if not pdfs:
        pytest.skip("no PDFs to read")
    opened: list[str] = []

    def hook(event: str, args) -> None:
        if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
            opened.append(os.fsdecode(args[0]))

    sys.addaudithook(hook)
    for pdf in pdfs:
        for engine in ("pdfium", "pdfplumber"):
            try:
                from plandoc.parse import read_document

                read_document(pdf, "input", engine=engine)
            except Exception:  # noqa: BLE001 - only the files it touches matter here
                pass
    allowed = [str(Path(sys.prefix).resolve()), str(Path(sys.base_prefix).resolve()), "/usr/lib", "/usr/share",
               "/etc/", "/proc/", "/dev/", str(Path(__file__).resolve().parents[2]), "/tmp"]
    allowed += [str(p.resolve()) for p in pdfs] + [str(p) for p in pdfs]
    outside = sorted({p for p in opened if not any(str(Path(p).resolve()).startswith(a) or p.startswith(a)
                                                   for a in allowed)})
    assert outside == []


def test_full_disk_leaves_the_old_report_and_no_temporary_file(tmp_path, monkeypatch):
    """Case 38: a write that fails half way keeps the previous file whole and leaves no temp file."""
    target = tmp_path / "report.json"
    write_atomic(target, "old report\n")
    real_fdopen = os.fdopen

    class Full:
        def __init__(self, fd, *a, **kw):
            self.fh = real_fdopen(fd, *a, **kw)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def write(self, data):
            self.fh.write(data[: len(data) // 2])  # half of it lands, then the disk is full
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fdopen", Full)
    with pytest.raises(OSError):
        write_atomic(target, "new report that will not fit\n" * 1000)
    monkeypatch.setattr(os, "fdopen", real_fdopen)
    assert target.read_text() == "old report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_sigkill_mid_run_leaves_no_report_and_no_temp_file(tmp_path):
    """Case 38: the report is written once, atomically, at the end; a killed run leaves nothing."""
    plans = tmp_path / "plans"
    plans.mkdir()
    for i in range(1500):
        shutil.copy(SAMPLES / "intake" / "complete.yaml", plans / f"{i:04d}.yaml")
    out = tmp_path / "out"
    out.mkdir()
    proc = subprocess.Popen(cli_command("check", str(plans), "--format", "json", "-o", str(out / "r.json")),
                            env=cli_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    time.sleep(2)
    assert proc.poll() is None
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert list(out.iterdir()) == []
