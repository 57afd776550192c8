"""The one catalogue of plan sections (CONTRACT.md section 1).

Every other part of plandoc (intake model, rules, templates, parsers, reports) refers to these
ids and never to a display title. This module imports nothing from plandoc.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    holds: str
    # Heading wordings seen in real plans, lower case, without numbering or punctuation.
    headings: tuple[str, ...] = field(default=())
    # Words that, found in a block without a heading, suggest the block belongs here.
    content_cues: tuple[str, ...] = field(default=())
    client_facing: bool = True


SECTIONS: tuple[Section, ...] = (
    Section(
        "client_information",
        "Client Information",
        "name, date of birth, contact, emergency contacts, client/member id",
        headings=(
            "client information", "identifying information", "identifying data", "demographics",
            "client info", "patient information", "client demographics", "member information",
            "client data", "client details", "personal information", "client", "patient",
            "participant information", "person served",
        ),
        content_cues=("date of birth", "dob", "client name", "member id", "emergency contact",
                      "client id", "medicaid id", "mrn"),
    ),
    Section(
        "assessment_summary",
        "Assessment Summary",
        "substance use or mental health history, diagnosis, previous treatment and outcomes, "
        "current challenges and strengths",
        headings=(
            "assessment summary", "assessment", "clinical summary", "presenting problem",
            "presenting problems", "biopsychosocial summary", "biopsychosocial assessment",
            "diagnosis", "diagnoses", "diagnostic impression", "clinical assessment",
            "history", "substance use history", "clinical formulation", "case formulation",
            "reason for referral", "strengths and needs", "strengths", "summary of assessment",
            "assessment and diagnosis", "diagnostic summary", "clinical impressions",
            "background", "treatment history", "needs assessment", "problem list",
        ),
        content_cues=("diagnosis", "icd-10", "history of", "previous treatment", "strengths",
                      "asam", "dsm-5"),
        client_facing=False,
    ),
    Section(
        "goals",
        "Goals and Objectives",
        "goals and their objectives",
        headings=(
            "goals", "goals and objectives", "treatment goals", "long term goals",
            "long-term goals", "short term goals", "short-term goals", "objectives",
            "problems goals objectives", "problems/goals/objectives", "problem goal objective",
            "recovery goals", "treatment goals and objectives", "goals objectives",
            "my goals", "plan goals", "measurable objectives", "desired outcomes",
            "goals of treatment", "problems and goals", "treatment plan goals",
        ),
        content_cues=("goal", "objective", "target date"),
    ),
    Section(
        "interventions",
        "Interventions",
        "therapeutic interventions, with frequency and who delivers them",
        headings=(
            "interventions", "treatment interventions", "treatment modalities", "services",
            "methods", "planned services", "treatment services", "modalities",
            "services and interventions", "interventions and services", "treatment approach",
            "strategies", "planned interventions", "therapeutic interventions",
            "services provided", "type and frequency of services", "treatment methods",
        ),
        content_cues=("intervention", "frequency", "responsible", "cbt", "motivational interviewing",
                      "group therapy", "individual therapy"),
    ),
    Section(
        "coping_strategies",
        "Coping Strategies",
        "coping strategies for triggers and stressors, relapse prevention",
        headings=(
            "coping strategies", "coping skills", "relapse prevention plan", "relapse prevention",
            "triggers and strategies", "triggers and coping strategies", "coping plan",
            "triggers and coping", "warning signs and coping strategies", "coping",
            "managing triggers", "triggers", "stress management", "safety and coping plan",
            "crisis and coping plan", "return to use prevention",
        ),
        content_cues=("trigger", "coping", "craving", "relapse prevention"),
    ),
    Section(
        "support_systems",
        "Support Systems",
        "family, friends, support groups, community resources",
        headings=(
            "support systems", "supports", "natural supports", "recovery supports",
            "community resources", "support network", "support system", "social supports",
            "family and community supports", "recovery support", "resources",
            "supports and resources", "community supports", "my supports",
        ),
        content_cues=("sponsor", "support group", "alcoholics anonymous", "narcotics anonymous",
                      "smart recovery", "hotline", "988", "family support"),
    ),
    Section(
        "monitoring_review",
        "Monitoring and Review",
        "follow-up frequency, progress criteria, review schedule, how the plan is adjusted",
        headings=(
            "monitoring", "monitoring and review", "plan review", "review schedule",
            "progress measurement", "monitoring and review schedule", "progress monitoring",
            "review and monitoring", "follow up", "follow-up", "follow-up schedule",
            "monitoring plan", "treatment plan review", "review", "progress review",
            "measurement of progress", "monitoring progress", "reassessment",
        ),
        content_cues=("next review", "review date", "reviewed every", "progress will be measured",
                      "follow-up appointments"),
        client_facing=False,
    ),
    Section(
        "discharge_criteria",
        "Discharge Criteria",
        "criteria for step-down, transition or discharge",
        headings=(
            "discharge criteria", "transition plan", "discharge planning", "discharge plan",
            "discharge", "transition and discharge", "discharge and transition plan",
            "step-down criteria", "transition criteria", "aftercare plan", "aftercare",
            "discharge/transition criteria", "criteria for discharge",
        ),
        content_cues=("discharge", "step down", "step-down", "aftercare", "transition"),
    ),
    Section(
        "signatures",
        "Signatures",
        "client, clinician (and supervisor/physician where required) signatures with dates",
        headings=(
            "signatures", "signature", "acknowledgement", "acknowledgment", "client participation",
            "signatures and dates", "attestation", "client agreement", "approval",
            "participation and signatures", "consent and signatures", "authorization",
            "agreement", "review and signatures",
        ),
        content_cues=("signature", "signed", "electronically signed"),
        client_facing=False,
    ),
)

SECTION_IDS: tuple[str, ...] = tuple(s.id for s in SECTIONS)
"""The nine ids, in the order a plan presents them."""

# The first seven are the components of a recovery maintenance plan (CONTRACT.md section 1).
PLAN_COMPONENTS: tuple[str, ...] = SECTION_IDS[:7]

OTHER = "other"
"""Bucket for text under a heading that no section matches."""

_BY_ID = {s.id: s for s in SECTIONS}


def get(section_id: str) -> Section:
    """The section with this id; KeyError names the id when it is unknown."""
    try:
        return _BY_ID[section_id]
    except KeyError:
        raise KeyError(f"unknown section id {section_id!r}; known: {', '.join(SECTION_IDS)}") from None


def is_section_id(value: str) -> bool:
    return value in _BY_ID


def title(section_id: str) -> str:
    return get(section_id).title


_NUMBERING = re.compile(
    r"""^\s*(?:
        (?:section|part|step)\s+(?:[ivxlc]+|\d+|[a-z])\b\s*[.:)\-\u2013\u2014]*   # Section III -, Part 2:
      | (?:[ivxlc]+|\d+(?:\.\d+)*|[a-z])\s*[.)\]:]                                  # 1.  IV)  D.  2.1
      | \(\s*(?:[ivxlc]+|\d+|[a-z])\s*\)                                            # (a)
    )\s*""",
    re.IGNORECASE | re.VERBOSE,
)
_PUNCT = re.compile(r"[^a-z0-9/\- ]+")


def normalize_heading(text: str) -> str:
    """Lower-case a heading and strip its numbering, trailing colon and punctuation."""
    t = text.strip().replace("\u2013", "-").replace("\u2014", "-").replace("&", " and ")
    t = _NUMBERING.sub("", t, count=1)
    t = t.lower()
    t = _PUNCT.sub(" ", t)
    t = re.sub(r"\s*-\s*$", "", t)
    return re.sub(r"\s+", " ", t).strip(" -/")


def _heading_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for s in SECTIONS:
        for h in (s.title, *s.headings):
            index.setdefault(normalize_heading(h), s.id)
    return index


_HEADINGS = _heading_index()


def match_heading(text: str) -> str | None:
    """The section id a heading names, or None.

    Exact wordings win; otherwise the longest known wording that the heading starts with or ends
    with ("Client Information and Demographics", "Patient Goals"), so long as it is a whole-word
    match. Only the wordings in this catalogue are consulted: no document-specific strings.
    """
    norm = normalize_heading(text)
    if not norm:
        return None
    if norm in _HEADINGS:
        return _HEADINGS[norm]
    best: tuple[int, str] | None = None
    for wording, sid in _HEADINGS.items():
        if len(wording) < 5:
            continue
        if norm.startswith(wording + " ") or norm.endswith(" " + wording) or f" {wording} " in f" {norm} ":
            if best is None or len(wording) > best[0]:
                best = (len(wording), sid)
    return best[1] if best else None
