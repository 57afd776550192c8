"""Optional OCR path, and the speed goal on a 4-page LibreOffice PDF (both skip when tools are missing)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from plandoc.errors import InputError
from plandoc.parse import ocr, read_document


def test_ocr_without_tesseract_is_a_clear_error(labeled_dir, monkeypatch):
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    with pytest.raises(InputError, match="Tesseract is not installed"):
        read_document(labeled_dir / "dev07_lakeshore_scanned.pdf", "scan.pdf", ocr=True)


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("tesseract"), reason="tesseract-ocr is not installed (optional)")
def test_ocr_reads_a_scanned_plan(labeled_dir):
    doc = read_document(labeled_dir / "dev07_lakeshore_scanned.pdf", "scan.pdf", ocr=True)
    assert doc.statements and doc.sections["goals"].present


def _plan_docx(path):
    from docx import Document

    d = Document()
    d.add_heading("Recovery Maintenance Treatment Plan", 0)
    d.add_heading("Client Information", 1)
    t = d.add_table(rows=3, cols=2)
    for i, (a, b) in enumerate([("Client Name", "Casey R. Example"), ("Date of Birth", "04/05/1988"),
                                ("Plan Date", "11/01/2026")]):
        t.cell(i, 0).text, t.cell(i, 1).text = a, b
    d.add_heading("Assessment Summary", 1)
    d.add_paragraph("Casey is a fictional adult with alcohol use disorder, moderate (F10.20). " * 3)
    d.add_heading("Goals and Objectives", 1)
    gt = d.add_table(rows=1, cols=5)
    for c, h in enumerate(["Problem", "Goal", "Objective", "Target Date", "Responsible"]):
        gt.cell(0, c).text = h
    for g in range(4):
        for o in range(3):
            r = gt.add_row().cells
            r[0].text = f"Problem {g + 1} in plain words" if o == 0 else ""
            r[1].text = f"Casey will reach goal number {g + 1} of this plan." if o == 0 else ""
            r[2].text = f"Objective {g + 1}{'abc'[o]}: Casey will attend {o + 2} meetings per week for 12 weeks and log each one."
            r[3].text, r[4].text = "02/01/2027", "Counselor"
    for h in ["Interventions", "Coping Strategies", "Support Systems", "Monitoring and Review", "Discharge Criteria"]:
        d.add_heading(h, 1)
        for i in range(2):
            d.add_paragraph(f"{h} item {i + 1}: weekly counseling with a fictional counselor, 50 minutes, "
                            "reviewed at each session for the next 12 weeks.", style="List Bullet")
    d.add_heading("Signatures", 1)
    st = d.add_table(rows=2, cols=3)
    for i, row in enumerate([("Role", "Signature", "Date"), ("Counselor", "Jordan Sample, LPC", "11/01/2026")]):
        for c, v in enumerate(row):
            st.cell(i, c).text = v
    d.save(path)


@pytest.fixture(scope="module")
def libreoffice_pdf(tmp_path_factory):
    if not shutil.which("soffice"):
        pytest.skip("LibreOffice (soffice) is not installed")
    folder = tmp_path_factory.mktemp("lo")
    src = folder / "plan.docx"
    _plan_docx(src)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(src)],
                   capture_output=True, timeout=180)
    pdf = folder / "plan.pdf"
    if not pdf.is_file():
        pytest.skip("LibreOffice did not convert the test plan")
    return pdf


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_libreoffice_plan_reads_fully(libreoffice_pdf, engine):
    doc = read_document(libreoffice_pdf, "plan.pdf", engine=engine)
    assert all(s.present for s in doc.sections.values())
    assert [s.level for s in doc.statements] == (["goal"] + ["objective"] * 3) * 4
    assert doc.statements[1].text == "Casey will attend 2 meetings per week for 12 weeks and log each one."
