"""The intake model: everything a recovery maintenance plan holds, as pydantic v2 models.

The top-level fields that hold the nine sections carry the section ids of `plandoc.sections`
(CONTRACT.md section 1); `SECTION_FIELDS` says which model fields make up each section.

Only shape is validated here (types, dates, formats). Whether a plan is *complete* is the rules'
business: a plan with no coping strategies or no signatures is a valid file, checked, and its gaps
come back as findings.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator

SCHEMA_VERSION = 1


def _parse_date(value: Any) -> Any:
    """Accept ISO dates (YYYY-MM-DD) and US dates (MM/DD/YYYY); leave anything else to pydantic."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        v = value.strip()
        m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", v)
        if m:
            month, day, year = (int(g) for g in m.groups())
            try:
                return dt.date(year, month, day)
            except ValueError:
                raise ValueError("is not a real calendar date") from None
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
            try:
                return dt.date.fromisoformat(v)
            except ValueError:
                raise ValueError("is not a real calendar date") from None
        if v:
            raise ValueError("is not a date (use YYYY-MM-DD)")
        return None
    return value


Date = Annotated[dt.date, BeforeValidator(_parse_date)]


def _text_list(value: Any) -> Any:
    """A single string where a list of strings is expected becomes a one-item list."""
    if isinstance(value, str):
        return [value]
    return value


TextList = Annotated[list[str], BeforeValidator(_text_list)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, populate_by_name=True)


# --------------------------------------------------------------------------- client_information
class EmergencyContact(_Model):
    name: str | None = None
    relationship: str | None = None
    phone: str | None = None


class ClientInformation(_Model):
    """Section `client_information`."""

    name: str | None = Field(None, description="Client's full legal name")
    preferred_name: str | None = None
    pronouns: str | None = None
    date_of_birth: Date | None = None
    client_id: str | None = Field(None, description="The clinic's record number")
    member_id: str | None = Field(None, description="Insurance or Medicaid member id")
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    preferred_language: str | None = None
    emergency_contacts: list[EmergencyContact] = Field(default_factory=list)


# ------------------------------------------------------------------------- header information
class Provider(_Model):
    clinician: str | None = Field(None, description="Primary clinician or counselor")
    credentials: str | None = Field(None, description="e.g. LCSW, LPC, LCDC, MD")
    npi: str | None = Field(None, description="10-digit National Provider Identifier")
    organization: str | None = None
    program: str | None = None
    address: str | None = None
    phone: str | None = None

    @field_validator("npi")
    @classmethod
    def _npi_digits(cls, v: str | None) -> str | None:
        if v is not None and not re.fullmatch(r"\d{10}", v):
            raise ValueError("must be 10 digits")
        return v


class Payer(_Model):
    name: str | None = None
    plan_name: str | None = None
    member_id: str | None = None
    authorization_number: str | None = None
    authorization_start: Date | None = None
    authorization_end: Date | None = None


class LevelOfCare(_Model):
    asam_level: str | None = Field(None, description="ASAM level of care, e.g. '1.0', '2.1', '3.5', 'OTP'")
    setting: str | None = Field(None, description="e.g. outpatient, intensive outpatient, residential")
    tool: str | None = Field(None, description="Level-of-care tool used (ASAM CONTINUUM, LOCADTR ...)")
    justification: str | None = Field(None, description="Why this level of care (continued-stay)")

    @field_validator("asam_level")
    @classmethod
    def _asam(cls, v: str | None) -> str | None:
        if v is not None and not re.fullmatch(r"(?:0\.5|[1-4](?:\.\d{1,2})?|OTP|OBOT)", v, re.I):
            raise ValueError("is not an ASAM level (use 0.5, 1.0, 2.1, 2.5, 3.1 ... 4.0 or OTP)")
        return v


# --------------------------------------------------------------------------- assessment_summary
class Diagnosis(_Model):
    code: str = Field(..., description="ICD-10-CM code, e.g. F10.20")
    description: str | None = None
    primary: bool = False

    @field_validator("code")
    @classmethod
    def _shape(cls, v: str) -> str:
        v = v.strip().upper()
        if not re.fullmatch(r"[A-Z][0-9][0-9A-Z](?:\.?[0-9A-Z]{1,4})?", v):
            raise ValueError("is not shaped like an ICD-10-CM code (letter, two characters, optional dot and up to four more, e.g. F10.20)")
        return v


class PreviousTreatment(_Model):
    type: str | None = None
    dates: str | None = None
    outcome: str | None = None


class AssessmentSummary(_Model):
    """Section `assessment_summary`."""

    summary: str | None = Field(None, description="Narrative summary of the assessment")
    substance_use_history: str | None = None
    mental_health_history: str | None = None
    diagnoses: list[Diagnosis] = Field(default_factory=list)
    previous_treatment: list[PreviousTreatment] = Field(default_factory=list)
    current_challenges: TextList = Field(default_factory=list)
    strengths: TextList = Field(default_factory=list)


class Medication(_Model):
    """A current medication line; part of `interventions` (medication management)."""

    name: str
    dose: str | None = None
    route: str | None = None
    frequency: str | None = None
    prescriber: str | None = None
    purpose: str | None = None


# ------------------------------------------------------------------------------------ goals
class Objective(_Model):
    id: str | None = Field(None, description="Stable id that interventions refer to, e.g. '1a'")
    statement: str
    measure: str | None = Field(None, description="How progress is measured (log, PHQ-9, urine drug test)")
    baseline: str | None = None
    target: str | None = None
    target_date: Date | None = None
    status: str | None = None


class Goal(_Model):
    id: str | None = Field(None, description="Stable id, e.g. '1'")
    statement: str
    client_words: str | None = Field(None, description="The goal in the client's own words")
    addresses: TextList = Field(default_factory=list, description="Diagnosis codes or problems this goal addresses")
    term: str | None = Field(None, description="long or short")
    target_date: Date | None = None
    objectives: list[Objective] = Field(default_factory=list)


class Modality(str, Enum):
    individual = "individual"
    group = "group"
    family = "family"
    couples = "couples"
    medication = "medication"
    case_management = "case_management"
    peer = "peer"
    other = "other"


class Intervention(_Model):
    type: str = Field(..., description="What is delivered, e.g. 'Cognitive behavioral therapy'")
    modality: Modality | None = Field(None, description="individual, group, family ... stated explicitly")
    description: str | None = None
    frequency: str | None = Field(None, description="e.g. 'weekly', '2 times per week'")
    session_minutes: int | None = Field(None, gt=0, le=600, description="Planned session length (amount)")
    duration: str | None = Field(None, description="How long the service runs, e.g. '12 weeks'")
    responsible: str | None = Field(None, description="Who delivers it (name and/or role)")
    serves: TextList = Field(default_factory=list, description="Goal or objective ids this serves")


class CopingStrategy(_Model):
    trigger: str | None = None
    strategy: str


class Support(_Model):
    kind: str | None = Field(None, description="family, friend, peer, support group, community, hotline")
    name: str
    contact: str | None = None
    role: str | None = None


class MonitoringReview(_Model):
    """Section `monitoring_review`."""

    follow_up_frequency: str | None = None
    progress_criteria: TextList = Field(default_factory=list)
    methods: TextList = Field(default_factory=list, description="How outcomes are measured (PHQ-9, urine drug tests, attendance logs)")
    review_interval_days: int | None = Field(None, gt=0, le=3650)
    next_review_date: Date | None = None
    adjustment_process: str | None = Field(None, description="How the plan is adjusted from client feedback and outcomes")


class DischargeCriteria(_Model):
    """Section `discharge_criteria`."""

    criteria: TextList = Field(default_factory=list)
    transition_plan: str | None = None
    projected_length_of_stay: str | None = None
    discussed_with_client: bool | None = None


class SignerRole(str, Enum):
    client = "client"
    clinician = "clinician"
    supervisor = "supervisor"
    physician = "physician"
    guardian = "guardian"
    counselor = "counselor"
    peer = "peer"
    other = "other"


class Signature(_Model):
    role: SignerRole
    name: str | None = None
    credentials: str | None = None
    date: Date | None = None
    method: str | None = Field(None, description="wet, electronic")
    no_signature_reason: str | None = Field(None, description="Why the client did not sign (14 NYCRR 598.7(b))")


# ------------------------------------------------------------------------------------- plan
class Plan(_Model):
    """One recovery maintenance plan."""

    schema_version: int = Field(SCHEMA_VERSION, description="Intake format version")
    profile: str | None = Field(None, description="Payer profile id; --profile overrides it")
    plan_date: Date | None = Field(None, description="Date the plan was established")
    admission_date: Date | None = None
    plan_type: str | None = Field(None, description="e.g. recovery maintenance, initial, update")
    client: ClientInformation = Field(default_factory=ClientInformation)
    provider: Provider = Field(default_factory=Provider)
    payer: Payer = Field(default_factory=Payer)
    level_of_care: LevelOfCare = Field(default_factory=LevelOfCare)
    assessment: AssessmentSummary = Field(default_factory=AssessmentSummary)
    medications: list[Medication] = Field(default_factory=list)
    goals: list[Goal] = Field(default_factory=list)
    interventions: list[Intervention] = Field(default_factory=list)
    coping_strategies: list[CopingStrategy] = Field(default_factory=list)
    support_systems: list[Support] = Field(default_factory=list)
    monitoring: MonitoringReview = Field(default_factory=MonitoringReview)
    discharge: DischargeCriteria = Field(default_factory=DischargeCriteria)
    signatures: list[Signature] = Field(default_factory=list)

    @field_validator("schema_version")
    @classmethod
    def _version(cls, v: int) -> int:
        if v != SCHEMA_VERSION:
            raise ValueError(f"is not supported (this plandoc reads version {SCHEMA_VERSION})")
        return v


# Which model fields make up each section (one source of truth for the mapping).
SECTION_FIELDS: dict[str, tuple[str, ...]] = {
    "client_information": ("client",),
    "assessment_summary": ("assessment", "level_of_care"),
    "goals": ("goals",),
    "interventions": ("interventions", "medications"),
    "coping_strategies": ("coping_strategies",),
    "support_systems": ("support_systems",),
    "monitoring_review": ("monitoring",),
    "discharge_criteria": ("discharge",),
    "signatures": ("signatures",),
}

FIELD_SECTION: dict[str, str] = {f: sid for sid, fields in SECTION_FIELDS.items() for f in fields}


def section_of(path: tuple[str | int, ...]) -> str | None:
    """The section id a field path belongs to, or None for header fields (provider, payer, dates)."""
    return FIELD_SECTION.get(str(path[0])) if path else None


def has_content(value: Any) -> bool:
    """True when a model value holds anything a reader would see."""
    if value is None:
        return False
    if isinstance(value, BaseModel):
        return any(has_content(getattr(value, k)) for k in type(value).model_fields if k not in ("primary",))
    if isinstance(value, (list, tuple)):
        return any(has_content(v) for v in value)
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, bool):
        return False  # a bare flag is not content
    return True


def section_present(plan: Plan, section_id: str) -> bool:
    return any(has_content(getattr(plan, f)) for f in SECTION_FIELDS[section_id])


def nested_model(cls: type[BaseModel] | None, name: str) -> type[BaseModel] | None:
    """The model a field of `cls` holds (through Optional and list), or None for a plain value.

    ClientInformation for ('Plan', 'client'); Goal for ('Plan', 'goals').
    """
    field = getattr(cls, "model_fields", {}).get(name) if cls is not None else None
    if field is None:
        return None
    found = None
    ann = field.annotation
    for cand in (ann, *getattr(ann, "__args__", ())):
        for inner in (cand, *getattr(cand, "__args__", ())):
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                found = inner
    return found


def get_path(obj: Any, path: tuple[str | int, ...]) -> Any:
    """Follow a field path through models and lists; None when any step is missing."""
    cur = obj
    for part in path:
        if cur is None:
            return None
        if isinstance(part, int):
            if not isinstance(cur, list) or part >= len(cur):
                return None
            cur = cur[part]
        else:
            cur = getattr(cur, part, None)
    return cur


def json_schema() -> dict[str, Any]:
    schema = Plan.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "plandoc intake"
    return schema
