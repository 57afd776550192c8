"""The redactor on its own: facts, spellings and patterns."""

from __future__ import annotations

import datetime as dt

from plandoc import model
from plandoc.redact import Redactor


def _plan(**client) -> model.Plan:
    return model.Plan(client=model.ClientInformation(**client))


def test_facts_in_every_spelling():
    r = Redactor.for_plan(_plan(name="Will Ashby", date_of_birth=dt.date(1970, 2, 3), client_id="AB-12345",
                                phone="(555) 010-2233", email="w.ashby@example.org"))
    text = ("Will Ashby (DOB 02/03/1970, born February 3, 1970, id AB 12345) will call (555) 010-2233 "
            "or write w.ashby@example.org; Ashby will attend. Will he? ASHBY-ok")
    out = r.text(text)
    for leak in ("Ashby", "02/03/1970", "February 3, 1970", "AB 12345", "010-2233", "w.ashby"):
        assert leak not in out, (leak, out)
    assert " will call " in out and " will attend" in out  # the common word 'will' is left alone


def test_patterns_without_facts():
    r = Redactor.for_plan(_plan())
    out = r.text("MRN: ZX99812, DOB: 4/5/1982, SSN 123-45-6789, call 617-555-0142, Client name: Ada Byron, "
                 "lives at 12 Elm Street, Apt 4, mail ada@example.com. F10.20 and PD101 stay.")
    for leak in ("ZX99812", "4/5/1982", "123-45-6789", "617-555-0142", "Ada Byron", "12 Elm Street", "ada@example"):
        assert leak not in out, (leak, out)
    assert "F10.20" in out and "PD101" in out


def test_path_with_name_parts():
    r = Redactor.for_plan(_plan(name="Jane Doe"))
    assert r.path("plans/Doe_Jane_1970.docx") == "plans/[CLIENT NAME]_[CLIENT NAME]_1970.docx"
