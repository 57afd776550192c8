"""Builders for hostile inputs, made at test time (nothing hostile is committed but regressions)."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

CANARY_NAME = "Zebulon Quargleston"
CANARY_ID = "QX-99173-Z"
XML_DECL = b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>"


def plain_docx(text: str = "Client will attend 3 NA meetings per week for 12 weeks.") -> bytes:
    d = docx.Document()
    d.add_heading("Goals", 1)
    d.add_paragraph(text)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def rezip(data: bytes, edit: dict | None = None, add: dict | None = None, rename: dict | None = None) -> bytes:
    zin = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for n in zin.namelist():
            raw = zin.read(n)
            if edit and n in edit:
                raw = edit[n](raw)
            z.writestr((rename or {}).get(n, n), raw)
        for n, raw in (add or {}).items():
            z.writestr(n, raw)
    return out.getvalue()


@pytest.fixture
def write(tmp_path):
    def _write(name: str, data: bytes):
        p = tmp_path / name
        p.write_bytes(data)
        return p

    return _write
