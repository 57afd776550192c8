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
    # Patterns (regular expressions, case-insensitive) that, found in a paragraph no heading
    # placed, suggest it belongs here; each counts once. See `classify_prose`.
    content_cues: tuple[str, ...] = field(default=())
    # Word stems that, in a heading no wording above matches, point to this section
    # ("What we are working on" -> goals, "Who helps me" -> support_systems).
    keywords: tuple[str, ...] = field(default=())
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
        content_cues=(r"\bdate\s+of\s+birth\b|\bd\.?o\.?b\b", r"\b(?:client|patient|member|record)\s*(?:name|id|number|no\b|#)",
                      r"\bemergency\s+contact\b|\bnext\s+of\s+kin\b", r"\bphone\b|\btel(?:ephone)?\b|\b\d{3}[-.]\d{4}\b",
                      r"\bmedicaid\b|\bmrn\b|\binsurance\b"),
        keywords=("about me", "about you", "client", "patient", "member", "identif", "demograph", "personal", "contact detail", "who i am", "who you are",
                  "who am i", "who are you", "youth info", "child info", "resident info", "consumer info"),
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
        content_cues=(r"\b(?:hx|history)\s+of\b", r"\bdiagnos[ie]s\b|\bdiagnosed\b|\bdx\b",
                      r"\buse\s+disorder\b|\b(?:oud|aud|sud)\b", r"\b(?:y/o|years?\s+old|year-old)\b",
                      r"\b(?:began|started)\s+(?:using|drinking|to\s+use|to\s+drink|with)\b|\bfirst\s+used\b",
                      r"\b(?:previous|prior|past)\s+(?:treatment|detox|admissions?|episodes?|rehab)\b",
                      r"\bstrengths?\b", r"\bpresent(?:s|ed)\s+(?:with|for)\b|\breferred\s+(?:by|from)\b",
                      r"\b(?:has|have)\s+(?:been\s+)?(?:used|drunk|drinking|using)\b|\b(?:has|have)\s+been\s+(?:clean|sober|abstinent)\b",
                      r"\b[A-TV-Z]\d{2}\.[0-9A-TV-Z]{1,4}\b"),
        client_facing=False,
        keywords=("story", "background", "history", "assess", "diagnos", "presenting", "formulation", "situation", "where i am", "where you are", "strengths and need", "impression", "evaluation",
                  "happened", "so far", "my strengths", "your strengths"),
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
        content_cues=(r"\bgoals?\b", r"\bobjectives?\b", r"\btarget\s+date\b"),
        keywords=("goal", "aim", "objective", "outcome", "target", "working on", "work on", "want to", "hope", "priorit", "milestone"),
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
        content_cues=(r"\binterventions?\b", r"\b(?:individual|group|family|couples?)\s+(?:therapy|counseling|counselling|sessions?)\b",
                      r"\b(?:cbt|dbt|emdr|motivational\s+interviewing|contingency\s+management|case\s+management)\b",
                      r"\b(?:meet|meets|see|sees)\s+(?:with\s+)?(?:her|his|their|my|your|the)\s+(?:counsel+or|therapist|case\s+manager|prescriber|doctor|psychiatrist|nurse)\b",
                      r"\bsessions?\b", r"\bmedication\s+(?:management|group|assisted)\b|\bprescri(?:ber|ption)\b",
                      r"\b(?:join|attend)\s+(?:the\s+)?(?:clinic|program|programme)'?s?\b"),
        keywords=("treatment", "service", "intervention", "therap", "counsel", "get there", "modalit", "method", "what we will do", "action step",
                  "what i will do", "what you will do", "help will", "help i will get", "help you will get",
                  "planned support", "planned care", "planned help"),
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
        content_cues=(r"\btriggers?\b", r"\bcravings?\b|\burges?\b", r"\bhigh[- ]risk\b|\brisky\s+times?\b",
                      r"\bwarning\s+signs?\b", r"\brelapse\b|\breturn\s+to\s+use\b", r"\bcop(?:e|es|ing)\b",
                      r"\b(?:when|if)\s+(?:she|he|they|i|you)\s+(?:feels?|wants?\s+to\s+(?:use|drink)|gets?\s+(?:bored|angry|upset|stressed))\b"),
        keywords=("cop", "trigger", "craving", "urge", "hard", "difficult", "relapse", "warning sign", "on track", "setback", "stress",
                  "like using", "like drinking", "want to use", "want to drink", "tough"),
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
        content_cues=(r"\bsponsor\b", r"\b(?:alcoholics|narcotics|cocaine|marijuana|crystal\s+meth)\s+anonymous\b|\bsmart\s+recovery\b|\bmutual[- ]help\b",
                      r"\b(?:husband|wife|partner|spouse|fianc[eé]e?|boyfriend|girlfriend)\b",
                      r"\b(?:mother|father|mom|dad|brother|sister|aunt|uncle|grandmother|grandfather|cousin|daughter|son)\b",
                      r"\bfriends?\b|\bneighbou?r\b", r"\bchurch\b|\bfaith\s+community\b|\bpastor\b|\bmosque\b|\btemple\b",
                      r"\bsupport(?:s|ive)?\b|\bpeer\s+recovery\b"),
        keywords=("support", "helps me", "help me", "helps you", "who helps", "network", "resource", "community", "people in my", "people who",
                  "my people", "your people", "in my corner", "in your corner", "on my side", "on your side"),
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
        content_cues=(r"\b(?:plan|it)\s+(?:will\s+be\s+|is\s+)?(?:formally\s+)?(?:reviewed|updated|revised)\b|\breview(?:ed)?\s+(?:and\s+updated\s+)?every\b",
                      r"\bnext\s+review\b|\breview\s+date\b", r"\bprogress\b",
                      r"\bevery\s+\d+\s+(?:days|weeks|months)\b|\bevery\s+(?:thirty|sixty|ninety)\s+days\b",
                      r"\b(?:measured|judged|tracked|monitored)\s+by\b"),
        client_facing=False,
        keywords=("review", "monitor", "checking in", "check in", "check-in", "follow", "measur", "how we will know", "track", "reassess", "next look",
                  "will we know", "how we know", "is it working", "it is working", "check my", "check your",
                  "check on", "progress"),
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
        content_cues=(r"\bdischarg\w*\b", r"\bstep(?:s|ped)?[- ]down\b", r"\btransition\w*\b|\btransfer\w*\s+to\b",
                      r"\baftercare\b", r"\bgraduat\w+\b|\bfinish(?:es)?\s+(?:treatment|the\s+program|counsel+ing)\b"),
        keywords=("discharge", "transition", "moving on", "step down", "step-down", "aftercare", "finish", "complet", "graduat", "ending", "exit",
                  "move on", "ready to leave", "ready to stop"),
    ),
    Section(
        "signatures",
        "Signatures",
        "client, clinician (and supervisor/physician where required) signatures with dates",
        headings=(
            "signatures", "signature", "acknowledgement", "acknowledgment", "client participation",
            "signatures and dates", "attestation", "client agreement", "approval",
            "participation and signatures", "consent and signatures",
            "agreement", "review and signatures",
        ),
        content_cues=(r"\b(?:co-?|counter)?signed\s+(?:electronically\s+)?(?:by|on)\b|\bsignatures?\b",
                      r"\b(?:signed|co-?signed|countersigned|dated)\b[^.]{0,80}?\bon\s+\d{1,2}/\d{1,2}/\d{2,4}",
                      r"\b(?:co-?signed|countersigned|reviewed\s+and\s+signed|signed\s+and\s+dated)\b"),
        client_facing=False,
        keywords=("sign", "agree", "acknowledg", "attest", "approv"),
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


_KEYWORDS: list[tuple[str, re.Pattern, str]] = []
_PLAN_TITLE = re.compile(
    r"\b(?:(?:individual(?:i[sz]ed)?|person[- ]centered|master|initial|updated?|recovery|maintenance|treatment|"
    r"care|service|wellness|behavioral|health|substance|use|mental)\s+)*plans?\b(?:\s+(?:of|for)\s+care)?")


def _keyword_patterns() -> list[tuple[str, re.Pattern, str]]:
    if not _KEYWORDS:
        for sec in SECTIONS:
            for kw in sec.keywords:
                # the keyword's first word is in every match: a substring test skips most searches
                _KEYWORDS.append((sec.id, re.compile(r"(?<![a-z])" + re.escape(kw).replace(r"\ ", r"\s+")),
                                  kw.split(" ")[0]))
    return _KEYWORDS


def guess_heading(text: str) -> str | None:
    """The section a heading no known wording matches most likely names, from its words.

    "What we are working on" -> goals, "Who helps me" -> support_systems, "Moving on" ->
    discharge_criteria. Each section's keywords are word stems; the section with the most hits
    wins; of sections with as many hits, the one named first wins (a keyword inside a longer
    keyword that also matched does not count).
    """
    # A document title names the plan, not a section ('Stonebrook Treatment Plan').
    norm = _PLAN_TITLE.sub(" ", normalize_heading(text)).strip()
    if not norm or len(norm.split()) > 10:
        return None
    hits = [(m.start(), m.end(), sid) for sid, rx, first in _keyword_patterns() if first in norm
            for m in rx.finditer(norm)]
    # a keyword inside a longer one that also matched does not count on its own
    # ('want to use' is coping, not also the goals' 'want to'; 'planned support' is not 'support')
    hits = [h for h in hits if not any(o is not h and o[0] <= h[0] and h[1] <= o[1] and o[1] - o[0] > h[1] - h[0]
                                       for o in hits)]
    if not hits:
        return None
    scores: dict[str, int] = {}
    first: dict[str, int] = {}
    for start, _, sid in hits:
        scores[sid] = scores.get(sid, 0) + 1
        first[sid] = min(first.get(sid, start), start)
    best = max(scores.values())
    winners = sorted((first[sid], sid) for sid, n in scores.items() if n == best)
    if len(winners) > 1 and winners[0][0] == winners[1][0]:
        return None
    # a tie goes to the section named first: 'What I will do and who will help me' is about services
    return winners[0][1]


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
    # A wording is found when its words are a run of the heading's words (norm and wordings are
    # normalized: single spaces, no space at either end); the longest wins, and of equally long
    # ones the first in the catalogue. Wordings are looked up by their first word.
    words = norm.split(" ")
    best: tuple[int, int, str] | None = None
    for i, w in enumerate(words):
        for parts, length, order, sid in _BY_FIRST_WORD.get(w, ()):
            if words[i:i + len(parts)] == parts and (best is None or (length, -order) > best[:2]):
                best = (length, -order, sid)
    return best[2] if best else None


def _by_first_word() -> dict[str, list[tuple[list[str], int, int, str]]]:
    index: dict[str, list[tuple[list[str], int, int, str]]] = {}
    for order, (wording, sid) in enumerate(_HEADINGS.items()):
        if len(wording) >= 5:
            parts = wording.split(" ")
            index.setdefault(parts[0], []).append((parts, len(wording), order, sid))
    return index


_BY_FIRST_WORD = _by_first_word()


_CUES: list[tuple[str, list[re.Pattern]]] = []


def classify_prose(text: str, min_cues: int = 2) -> str | None:
    """The section a paragraph that no heading placed most likely belongs to, from its content.

    Each section's `content_cues` are patterns; a paragraph names the section whose distinct
    cues it matches most often, with at least `min_cues` of them and more than any other
    section. Goals are left out: statements are found by their own labels.
    """
    if not _CUES:
        for sec in SECTIONS:
            if sec.id != "goals":
                _CUES.append((sec.id, [re.compile(p, re.I) for p in sec.content_cues]))
    scores = sorted(((sum(1 for rx in cues if rx.search(text)), sid) for sid, cues in _CUES), reverse=True)
    (best, sid), (second, _) = scores[0], scores[1]
    return sid if best >= min_cues and best > second else None
