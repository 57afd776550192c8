"""Snapshot `plandoc check --format json` results and compare two snapshots (for speed work).

    PYTHONPATH=src python bench/compare_outputs.py snapshot OUT.json DIR [DIR ...] [--engines pdfium,pdfplumber]
    python bench/compare_outputs.py diff A.json B.json

`snapshot` runs the command line once per folder and engine with a fixed --as-of and keeps the
timing-free parts of each report (`documents`, `skipped`, `summary`; not `as_of`, `profile`,
version or rules digest). `diff` exits 1 and names the first differing documents when the two
snapshots are not identical. Asserts nothing about time.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KEEP = ("documents", "skipped", "summary")


def snapshot(out: Path, dirs: list[str], engines: list[str], as_of: str) -> int:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    result = {}
    with tempfile.TemporaryDirectory() as tmp:
        for d in dirs:
            for engine in engines:
                rep = Path(tmp) / "r.json"
                cmd = [sys.executable, "-m", "plandoc.cli", "check", d, "--format", "json", "-o", str(rep),
                       "--as-of", as_of, "--pdf-engine", engine, "-q"]
                proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
                if proc.returncode not in (0, 1):
                    print(f"{d} {engine}: exit {proc.returncode}\n{proc.stderr[-2000:]}", file=sys.stderr)
                    return 2
                data = json.loads(rep.read_text())
                result[f"{d}|{engine}"] = {k: data.get(k) for k in KEEP}
    out.write_text(json.dumps(result, indent=1, sort_keys=True))
    n = sum(len(v["documents"]) for v in result.values())
    print(f"wrote {out}: {len(result)} runs, {n} documents")
    return 0


def diff(a: Path, b: Path) -> int:
    x, y = json.loads(a.read_text()), json.loads(b.read_text())
    if x == y:
        n = sum(len(v["documents"]) for v in x.values())
        print(f"identical: {len(x)} runs, {n} documents")
        return 0
    for key in sorted(set(x) | set(y)):
        if x.get(key) == y.get(key):
            continue
        print(f"DIFFERENT: {key}")
        dx = {d["path"]: d for d in (x.get(key) or {}).get("documents", [])}
        dy = {d["path"]: d for d in (y.get(key) or {}).get("documents", [])}
        for p in sorted(set(dx) | set(dy)):
            if dx.get(p) != dy.get(p):
                print(f"  document differs: {p}")
    return 1


def main() -> int:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("snapshot")
    s.add_argument("out", type=Path)
    s.add_argument("dirs", nargs="+")
    s.add_argument("--engines", default="pdfium,pdfplumber")
    s.add_argument("--as-of", default="2026-12-01")
    d = sub.add_parser("diff")
    d.add_argument("a", type=Path)
    d.add_argument("b", type=Path)
    args = ap.parse_args()
    if args.cmd == "snapshot":
        return snapshot(args.out, args.dirs, args.engines.split(","), args.as_of)
    return diff(args.a, args.b)


if __name__ == "__main__":
    raise SystemExit(main())
