"""DOCX -> PDF with LibreOffice, many files per `soffice` call.

Each `soffice --convert-to` call costs about 1 s of start-up; each extra file in the same call
about 0.13 s (PERFORMANCE.md section 7). So `convert` always converts a whole batch in ONE call:

- the DOCX files are copied into a private temporary folder (mode 0700) under neutral names
  (`0001.docx`, ...), so no clinic file name, which often holds a patient name, appears on a
  process command line;
- LibreOffice runs with its own throw-away profile (`-env:UserInstallation=file:///tmp/...`), never
  the user's, and is killed (whole process group) when the time limit passes;
- each PDF is then written beside its DOCX with the same name and `.pdf`, atomically.

PDF bytes are not reproducible: LibreOffice stamps a creation date into every PDF.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path
from typing import Sequence

from .docx_package import atomic_write
from .errors import PlandocError
from .findings import Location

INSTALL_HINT = "install LibreOffice Writer: apt-get install libreoffice-writer-nogui"


class PdfExportError(PlandocError):
    code = "pdf_export"


def find_soffice() -> str:
    """Path of the LibreOffice binary; PdfExportError with the install command when missing."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise PdfExportError(f"LibreOffice ('soffice') was not found; {INSTALL_HINT}", code="soffice_missing")


def timeout_for(count: int) -> float:
    """Time limit for one call: start-up allowance plus a generous per-file allowance."""
    return 60.0 + 15.0 * count


def convert(docx_paths: Sequence[Path], *, timeout: float | None = None,
            soffice: str | None = None) -> list[Path]:
    """Convert every DOCX to a PDF beside it, in one LibreOffice call. Returns the PDF paths."""
    paths = [Path(p) for p in docx_paths]
    if not paths:
        return []
    binary = soffice or find_soffice()
    limit = timeout if timeout is not None else timeout_for(len(paths))
    with tempfile.TemporaryDirectory(prefix="plandoc-pdf-") as tmp:
        work = Path(tmp)
        os.chmod(work, 0o700)
        src, out = work / "in", work / "out"
        src.mkdir()
        out.mkdir()
        names = []
        for i, p in enumerate(paths, 1):
            name = f"{i:04d}.docx"
            try:
                shutil.copyfile(p, src / name)
            except OSError as exc:
                raise PdfExportError(f"cannot be read for PDF export ({exc.strerror or 'read error'})",
                                     Location(file=p.name)) from None
            names.append(name)
        cmd = [binary, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--invisible",
               "--nologo", "--norestore", "--nodefault", "--nolockcheck", "--convert-to", "pdf",
               "--outdir", str(out), *[str(src / n) for n in names]]
        env = dict(os.environ, HOME=str(work), SAL_USE_VCLPLUGIN="svp")
        try:
            proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                    stdin=subprocess.DEVNULL, cwd=work, env=env, start_new_session=True)
        except OSError as exc:
            raise PdfExportError(f"LibreOffice could not be started ({exc.strerror}); {INSTALL_HINT}",
                                 code="soffice_missing") from None
        try:
            rc = proc.wait(timeout=limit)
        except subprocess.TimeoutExpired:
            _kill(proc)
            raise PdfExportError(f"LibreOffice did not finish converting {len(paths)} file(s) within "
                                 f"{limit:.0f} s and was stopped", code="timeout") from None
        written: list[Path] = []
        failed: list[str] = []
        for p, name in zip(paths, names):
            pdf = out / (Path(name).stem + ".pdf")
            if not pdf.is_file() or pdf.stat().st_size == 0:
                failed.append(p.name)
                continue
            target = p.with_suffix(".pdf")
            atomic_write(target, pdf.read_bytes())
            written.append(target)
        if failed:
            raise PdfExportError(f"LibreOffice (exit code {rc}) produced no PDF for: {', '.join(failed)}",
                                 code="conversion_failed")
        return written


def _kill(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass
