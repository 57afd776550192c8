"""The closed set of check kinds. Rules are data; these are the only code they run."""

from __future__ import annotations

from .across import AcrossClients
from .base import Kind
from .dates import DateCheck
from .diagnosis import DiagnosisCheck
from .lexicon import Lexicon
from .readability import Readability
from .signatures import SignatureCheck
from .statements import Smart
from .structure import RequiredField, RequiredSection
from .thread import GoldenThread

KINDS: dict[str, type[Kind]] = {
    k.name: k
    for k in (RequiredSection, RequiredField, Lexicon, Smart, Readability, DateCheck, SignatureCheck,
              DiagnosisCheck, GoldenThread, AcrossClients)
}

__all__ = ["KINDS", "Kind"]
