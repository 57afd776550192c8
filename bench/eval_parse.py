"""Development tool: read the labeled corpus with plandoc.parse and score it with the shared evaluator.

    PYTHONPATH=src python bench/eval_parse.py [--engine pdfium|pdfplumber] [--out report.json] [--details]

Builds CONTRACT-shaped entries (sections, goals judged by the SMART rule, no findings) and runs
/work/shared/tools/evaluate.py on them. Jargon/abbreviation/stigma metrics need the rules engine and
are expected to be 0 here.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))

from plandoc import sections  # noqa: E402
from plandoc.checks.smart import lexicon_from_params  # noqa: E402
from plandoc.errors import NeedsOcrError, PlandocError, UnreadableError  # noqa: E402
from plandoc.parse import read_document  # noqa: E402

RULE = ROOT / "rules" / "goals" / "PD101-smart-statement.yaml"


def entry(path: Path, engine: str, lexicon) -> dict:
    e = {"path": str(path), "kind": "pdf" if path.suffix.lower() == ".pdf" else "docx", "status": "checked",
         "error": None, "sections": [], "goals": [], "findings": []}
    try:
        doc = read_document(path, path.name, engine=engine)
    except NeedsOcrError as exc:
        e.update(status="needs_ocr", error={"code": exc.code, "message": str(exc)})
        return e
    except UnreadableError as exc:
        e.update(status="unreadable", error={"code": exc.code, "message": str(exc)})
        return e
    except PlandocError as exc:
        e.update(status="error", error={"code": exc.code, "message": str(exc)})
        return e
    e["kind"] = doc.kind
    for sid in sections.SECTION_IDS:
        info = doc.sections[sid]
        e["sections"].append({"id": sid, "present": info.present, "heading": info.heading, "page": info.page})
    for st in doc.statements:
        j = lexicon.judge(st.text)
        e["goals"].append({"text": st.text, "level": st.level, "vague": j.vague, "missing": list(j.missing)})
    return e


def build_report(folder: Path, engine: str) -> tuple[dict, dict[str, float]]:
    lexicon = lexicon_from_params(yaml.safe_load(RULE.read_text())["params"])
    docs, times = [], {}
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in (".pdf", ".docx"):
            continue
        t = time.perf_counter()
        docs.append(entry(path, engine, lexicon))
        times[path.name] = time.perf_counter() - t
    return {"plandoc_version": "0.1.0", "profile": "generic", "documents": docs}, times


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--engine", default="pdfium")
    ap.add_argument("--folder", default=str(SHARED / "corpus" / "labeled"))
    ap.add_argument("--out", default=str(ROOT / "bench" / "out" / "report.json"))
    ap.add_argument("--details", action="store_true")
    args = ap.parse_args(argv)
    report, times = build_report(Path(args.folder), args.engine)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=1, default=str))
    cmd = [sys.executable, str(SHARED / "tools" / "evaluate.py"), str(Path(args.folder) / "labels.json"), str(out)]
    if args.details:
        cmd.append("--details")
    print(f"read {len(times)} files in {sum(times.values()) * 1000:.0f} ms ({args.engine})")
    return subprocess.call(cmd)


if __name__ == "__main__":
    raise SystemExit(main())
