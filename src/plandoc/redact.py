"""`--redact`: replace client identifiers in everything a report shows with placeholders.

Two sources, applied to the document's path, its goals, error messages and every finding's
message, evidence and suggestion, so every report format (text, json, csv, html, xlsx) is covered:

1. The plan facts: values known from this document (the client's name and each part of it, the
   preferred name, date of birth in the usual spellings, client/member/authorization ids, phone,
   email, address, emergency contacts and named supports).
2. Patterns for what the facts may miss: phone numbers, e-mail addresses, US social security
   numbers, a date after a "DOB"/"date of birth"/"born" label, a value after an id label
   ("MRN: ...", "Member ID ..."), a name after a "Client name:" label, and street addresses.

Placeholders: [CLIENT NAME], [NAME], [DOB], [ID], [PHONE], [EMAIL], [ADDRESS]. Rule codes,
section names and ICD-10 codes are left alone. Paths of skipped files (never opened, so no facts)
are not changed.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from . import model

_B = r"(?<![A-Za-z0-9])"  # word edges that also split on '_' (file names: Doe_Jane_1970.docx)
_E = r"(?![A-Za-z0-9])"

_PATTERNS: list[tuple[re.Pattern, str]] = [
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "[EMAIL]"),
    (re.compile(rf"{_B}\d{{3}}-\d{{2}}-\d{{4}}{_E}"), "[ID]"),
    (re.compile(rf"(?:(?<![\w])\+?1[-.\s]?)?(?:\(\d{{3}}\)\s?|{_B}\d{{3}}[-.\s])\d{{3}}[-.\s]\d{{4}}{_E}"), "[PHONE]"),
    (re.compile(rf"{_B}555-01\d\d{_E}"), "[PHONE]"),
    (re.compile(r"(?i)(\b(?:d\.?o\.?b\.?|date\s+of\s+birth|birth\s*date|born(?:\s+on)?)\s*[:#]?\s*)"
                r"(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4})"),
     r"\1[DOB]"),
    (re.compile(r"(?i)(\b(?:mrn|(?:client|patient|record|chart|case|member|medicaid|medicare|insurance|subscriber)"
                r"\s*(?:id|#|no\.?|number))\s*[:#]?\s*)([A-Z0-9][A-Z0-9-]{3,})"), r"\1[ID]"),
    (re.compile(r"(?i)(\b(?:client|patient|member|participant)\s+name\s*:\s*)"
                r"([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’.-]+){0,3})"), r"\1[CLIENT NAME]"),
    (re.compile(r"\b\d{1,6}\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|"
                r"Blvd|Court|Ct|Way|Place|Pl|Terrace|Circle|Highway|Hwy)\b\.?(?:,?\s+(?:Apt|Unit|Suite|#)\s*\w+)?"),
     "[ADDRESS]"),
]


def _date_spellings(d: dt.date) -> list[str]:
    month = d.strftime("%B")
    return [d.isoformat(), f"{d.month:02d}/{d.day:02d}/{d.year}", f"{d.month}/{d.day}/{d.year}",
            f"{d.month:02d}-{d.day:02d}-{d.year}", f"{d.month}-{d.day}-{d.year}",
            f"{d.month:02d}/{d.day:02d}/{d.year % 100:02d}", f"{month} {d.day}, {d.year}",
            f"{month[:3]} {d.day}, {d.year}", f"{month[:3]}. {d.day}, {d.year}", f"{d.day} {month} {d.year}"]


class Redactor:
    def __init__(self, exact: list[tuple[str, str]], words: list[tuple[str, str]]):
        # Longest values first, so a full name goes before its parts.
        exact = sorted({(v.strip(), p) for v, p in exact if v and len(v.strip()) >= 3}, key=lambda t: -len(t[0]))
        words = sorted({(w, p) for w, p in words if len(w) >= 2}, key=lambda t: -len(t[0]))
        self._exact = [(re.compile(_B + _flexible(v) + _E, re.IGNORECASE), p) for v, p in exact]
        # A single name word is matched as written (capitalized), so a client named "Will" does not
        # blank every "will" in the plan; in file names any case.
        self._words = [(re.compile(_B + re.escape(w) + _E), p) for w, p in words]
        self._words_anycase = [(re.compile(_B + re.escape(w) + _E, re.IGNORECASE), p) for w, p in words]

    @classmethod
    def for_plan(cls, plan: model.Plan, path: str = "") -> "Redactor":
        c = plan.client
        exact: list[tuple[str, str]] = []
        words: list[tuple[str, str]] = []
        for name in (c.name, c.preferred_name):
            if name:
                exact.append((name, "[CLIENT NAME]"))
                words += [(w, "[CLIENT NAME]") for w in re.findall(r"[^\W\d_][\w'’-]*", name) if len(w) >= 2]
        if c.date_of_birth:
            exact += [(s, "[DOB]") for s in _date_spellings(c.date_of_birth)]
        for v in (c.client_id, c.member_id, plan.payer.member_id, plan.payer.authorization_number):
            if v:
                exact.append((v, "[ID]"))
        for v in (c.phone,) + tuple(ec.phone for ec in c.emergency_contacts) + \
                tuple(s.contact for s in plan.support_systems):
            if v:
                exact.append((v, "[PHONE]" if re.search(r"\d{3}", v) else "[NAME]"))
        if c.email:
            exact.append((c.email, "[EMAIL]"))
        if c.address:
            exact.append((c.address, "[ADDRESS]"))
            exact.append((c.address.split(",")[0], "[ADDRESS]"))
        for person in [ec.name for ec in c.emergency_contacts] + [s.name for s in plan.support_systems
                                                                  if (s.kind or "").lower() in ("family", "friend", "peer", "")]:
            if person and re.fullmatch(r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)+", person.strip()):
                exact.append((person, "[NAME]"))
        for sig in plan.signatures:
            if sig.role == model.SignerRole.client and sig.name:
                exact.append((sig.name, "[CLIENT NAME]"))
        return cls(exact, words)

    @classmethod
    def for_document(cls, doc: Any) -> "Redactor":
        """The plan facts plus the values written in the document's Client Information section.

        A reader may not recognize every label ("Client Name" in a table cell), but whatever sits in
        that section is the client's identifying data: names (two to four capitalized words) and any
        value holding a digit or an '@' (dates, ids, phones, e-mails, addresses) are redacted too.
        """
        base = cls.for_plan(doc.plan, doc.path)
        exact: list[tuple[str, str]] = []
        words: list[tuple[str, str]] = []
        for b in doc.blocks:
            if b.section != "client_information":
                continue
            for piece in re.split(r"\s{2,}|\t|\|", b.text):
                value = piece.split(":", 1)[1] if ":" in piece else piece
                value = value.strip(" ,;")
                if not value or len(value) > 80:
                    continue
                if re.fullmatch(r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}", value):
                    exact.append((value, "[CLIENT NAME]"))
                    words += [(w, "[CLIENT NAME]") for w in value.split() if len(w) >= 3 and w[0].isupper()]
                elif "@" in value:
                    exact.append((value, "[EMAIL]"))
                elif re.search(r"\d", value):
                    exact.append((value, _shape(value)))
        return base.merged(cls(exact, words))

    def merged(self, other: "Redactor") -> "Redactor":
        out = Redactor([], [])
        out._exact = sorted(self._exact + other._exact, key=lambda t: -len(t[0].pattern))
        out._words = sorted(self._words + other._words, key=lambda t: -len(t[0].pattern))
        out._words_anycase = sorted(self._words_anycase + other._words_anycase, key=lambda t: -len(t[0].pattern))
        return out

    def text(self, value: str | None) -> str | None:
        if not value:
            return value
        out = value
        for rx, ph in self._exact:
            out = rx.sub(ph, out)
        for rx, ph in _PATTERNS:
            out = rx.sub(ph, out)
        for rx, ph in self._words:
            out = rx.sub(ph, out)
        return out

    def path(self, value: str) -> str:
        out = value
        for rx, ph in self._exact:
            out = rx.sub(ph, out)
        for rx, ph in self._words_anycase:
            out = rx.sub(ph, out)
        return out

    def apply(self, result: Any) -> None:
        """Redact a DocumentResult in place (path, goals, error, findings)."""
        result.path = self.path(result.path)
        for g in result.goals:
            g["text"] = self.text(g["text"])
        for s in result.sections:
            if s.get("heading"):
                s["heading"] = self.text(s["heading"])
        if result.error:
            result.error = {k: (self.text(v) if isinstance(v, str) else
                                [self.text(x) for x in v] if isinstance(v, list) else v)
                            for k, v in result.error.items()}
        result.findings = [f.model_copy(update={
            "message": self.text(f.message), "evidence": self.text(f.evidence),
            "suggestion": self.text(f.suggestion),
            "location": f.location.model_copy(update={"file": self.path(f.location.file)})
            if f.location.file else f.location}) for f in result.findings]


def _shape(value: str) -> str:
    if re.fullmatch(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}", value):
        return "[DOB]"
    if re.fullmatch(r"[\d\s().+-]{7,}", value):
        return "[PHONE]"
    if re.match(r"\d{1,6}\s+[A-Za-z]", value):
        return "[ADDRESS]"
    return "[ID]"


def _flexible(value: str) -> str:
    """A value as a regex where runs of spaces, dashes, dots and underscores may differ."""
    parts = [re.escape(p) for p in re.split(r"[\s_.-]+", value.strip()) if p]
    return r"[\s_.-]*".join(parts) if parts else re.escape(value)
