"""RELIABILITY.md cases 28, 29 and 32, with inputs built at test time (pikepdf, reportlab)."""

from __future__ import annotations

import io

import pikepdf
import pytest
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from plandoc.errors import NeedsOcrError, PlandocError, UnreadableError
from plandoc.parse import read_document


def _text_pdf(text: str = "Goals. Client will attend 3 NA meetings per week for 12 weeks.") -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter)
    c.drawString(72, 720, text)
    c.showPage()
    c.save()
    return buf.getvalue()


def test_encrypted_pdf_is_unreadable_without_prompting(tmp_path):
    """Case 28: a user password gives 'unreadable' with words, never a prompt or a hang."""
    src = pikepdf.open(io.BytesIO(_text_pdf()))
    path = tmp_path / "locked.pdf"
    src.save(path, encryption=pikepdf.Encryption(user="secret", owner="owner", R=6))
    for engine in ("pdfium", "pdfplumber"):
        with pytest.raises(UnreadableError, match="password"):
            read_document(path, "input-1", engine=engine)


def test_image_only_pdf_needs_ocr(tmp_path):
    """Case 29: no text layer is 'needs OCR', never a plan missing every section."""
    from PIL import Image

    img = tmp_path / "scan.png"
    Image.new("L", (850, 1100), 255).save(img)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter)
    c.drawImage(str(img), 0, 0, width=612, height=792)
    c.showPage()
    c.save()
    path = tmp_path / "scan.pdf"
    path.write_bytes(buf.getvalue())
    with pytest.raises(NeedsOcrError):
        read_document(path, "input-1")


def test_recursive_page_tree_and_circular_xobjects(tmp_path):
    """Case 32: a /Pages node that is its own kid, and a form XObject that draws itself."""
    pdf = pikepdf.open(io.BytesIO(_text_pdf()))
    pages = pdf.Root.Pages
    pages.Kids.append(pages)  # the tree now contains itself
    pages.Count = 2
    loop = tmp_path / "pages-loop.pdf"
    pdf.save(loop)

    pdf = pikepdf.open(io.BytesIO(_text_pdf()))
    form = pikepdf.Stream(pdf, b"/X0 Do")
    form.Type, form.Subtype = pikepdf.Name.XObject, pikepdf.Name.Form
    form.BBox = [0, 0, 612, 792]
    form.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(X0=form))
    page = pdf.pages[0]
    page.Resources.XObject = pikepdf.Dictionary(X0=form)
    page.Contents = pikepdf.Stream(pdf, b"/X0 Do BT /F1 12 Tf 72 700 Td (Goals) Tj ET")
    circular = tmp_path / "xobject-loop.pdf"
    pdf.save(circular)

    for path in (loop, circular):
        for engine in ("pdfium", "pdfplumber"):
            try:
                doc = read_document(path, "input-1", engine=engine)
            except PlandocError:
                continue  # a plandoc error is a fine answer
            assert doc.kind == "pdf"
