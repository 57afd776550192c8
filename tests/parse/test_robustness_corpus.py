"""Every real-world fixture returns a PlanDocument or raises one of plandoc's errors, quickly."""

from __future__ import annotations

import logging
import time

import pytest

from plandoc.errors import NeedsOcrError, PlandocError, UnreadableError
from plandoc.parse import read_document

from pathlib import Path

ROBUSTNESS = (Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "robustness").resolve()
FILES = sorted(p.name for p in ROBUSTNESS.iterdir()) if ROBUSTNESS.is_dir() else []


@pytest.mark.parametrize("name", FILES)
@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_reads_or_raises_plandoc_error(name, engine, robustness_dir):
    if engine == "pdfplumber" and not name.endswith(".pdf"):
        pytest.skip("engine only matters for PDFs")
    if engine == "pdfplumber" and name.startswith("big_"):
        pytest.skip("pdfplumber on 117 pages takes ~10 s; covered by the pdfium run")
    path = robustness_dir / name
    t = time.perf_counter()
    try:
        doc = read_document(path, "upload-7")
    except PlandocError as exc:
        msg = str(exc)
        assert str(path) not in msg and name not in msg
        assert msg.startswith("upload-7: ")
    else:
        assert doc.kind in ("pdf", "docx")
    assert time.perf_counter() - t < 10


@pytest.mark.parametrize("name", ["enc_plumber_pw_test.pdf", "enc_r4_aes_user.pdf", "enc_r6_user.pdf", "enc_lo_writer.pdf"])
@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_user_password_is_unreadable(name, engine, robustness_dir):
    with pytest.raises(UnreadableError, match="password-protected"):
        read_document(robustness_dir / name, "x.pdf", engine=engine)


def test_owner_password_only_opens(robustness_dir):
    doc = read_document(robustness_dir / "enc_r6_owner_only.pdf", "x.pdf")
    assert doc.kind == "pdf"


@pytest.mark.parametrize("name", ["scan_grayscale.pdf", "scan_ccitt_fax.pdf", "scan_jbig2.pdf"])
def test_image_only_needs_ocr(name, robustness_dir):
    with pytest.raises(NeedsOcrError, match="no text layer"):
        read_document(robustness_dir / name, "x.pdf")


def test_empty_and_odt_are_unreadable(robustness_dir):
    with pytest.raises(UnreadableError, match="empty"):
        read_document(robustness_dir / "bad_empty.pdf", "x.pdf")
    with pytest.raises(UnreadableError, match="not a PDF or Word"):
        read_document(robustness_dir / "form_libreoffice_src.odt", "x.odt")


def test_big_file_reads_every_page(robustness_dir):
    """117 pages (about 0.9 s; speed is measured in bench/bench_pdf.py, not asserted here)."""
    doc = read_document(robustness_dir / "big_geotopo_117p.pdf", "big.pdf")
    assert doc.pages == 117


def test_strict_and_alternate_main_part_read(robustness_dir):
    strict = read_document(robustness_dir / "dx_strict_ooxml.docx", "s.docx")
    assert any(b.text.strip() for b in strict.blocks)
    alt = read_document(robustness_dir / "dx_alt_doc_path.docx", "a.docx")
    assert any(b.text.strip() for b in alt.blocks)


def test_pdfminer_logger_stays_quiet(robustness_dir, caplog):
    caplog.set_level(logging.DEBUG)
    read_document(robustness_dir / "src_google_docs.pdf", "g.pdf", engine="pdfplumber")
    assert logging.getLogger("pdfminer").getEffectiveLevel() >= logging.WARNING
    assert not [r for r in caplog.records if r.name.startswith("pdfminer") and r.levelno < logging.WARNING]
