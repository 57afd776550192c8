"""Tell the real type of a file from its first bytes, not from its name."""

from __future__ import annotations

import zipfile
from io import BytesIO

PDF = "pdf"
DOCX = "docx"
DOC = "doc"  # legacy OLE2 Word (or any OLE2 compound file)
ZIP = "zip"  # a ZIP that is not a Word document (xlsx, odt, pptx ...)
RTF = "rtf"
EMPTY = "empty"
UNKNOWN = "unknown"

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# Names shown to people, for messages.
DESCRIPTIONS = {
    PDF: "a PDF", DOCX: "a Word document (.docx)", DOC: "an old-style Word or Office file (.doc)",
    ZIP: "a ZIP package that is not a Word document", RTF: "an RTF document", EMPTY: "empty",
    UNKNOWN: "not a PDF or Word document",
}


def sniff_bytes(head: bytes, data_for_zip: bytes | None = None) -> str:
    """The type of a file from its first bytes (and, for ZIPs, the whole file to look inside)."""
    if not head:
        return EMPTY
    # A PDF header may follow a little junk (the spec allows it within the first 1024 bytes).
    if b"%PDF-" in head[:1024]:
        return PDF
    if head.startswith(_OLE2):
        return DOC
    if head.startswith(b"{\\rtf"):
        return RTF
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        if data_for_zip is None:
            return ZIP
        return _zip_kind(data_for_zip)
    return UNKNOWN


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(BytesIO(data)) as z:
            names = set(z.namelist())
            if "[Content_Types].xml" not in names:
                return ZIP
            ct = z.read("[Content_Types].xml")[:200_000]
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, EOFError, NotImplementedError):
        return ZIP
    # The main part's content type says what the package is, wherever the part lives.
    if b"wordprocessingml.document.main+xml" in ct or b"wordprocessingml.template.main+xml" in ct:
        return DOCX
    if b"ms-word.document.macroEnabled" in ct or b"ms-word.template.macroEnabled" in ct:
        return DOCX
    if "word/document.xml" in names:
        return DOCX
    return ZIP


def sniff_path(path) -> str:
    with open(path, "rb") as fh:
        head = fh.read(2048)
        if head.startswith(b"PK"):
            fh.seek(0)
            return sniff_bytes(head, fh.read())
    return sniff_bytes(head)
