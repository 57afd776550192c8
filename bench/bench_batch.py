"""Batch benchmark with public tools only (the `plandoc` command line, LibreOffice, poppler); prints figures.

    PYTHONPATH=src python bench/bench_batch.py [--pdfs 200] [--docx 1000] [--intakes 1000] [--rounds 3]

1. Renders four-page plan PDFs (and their DOCX) from the sample intakes with `plandoc render --pdf`
   (one LibreOffice call), varying the client's name and record id, keeps the four-page ones,
   and copies them to --pdfs files with a small variation each (a trailing PDF comment), so
   no two files have the same bytes.
2. In the same run, alternating, `plandoc check DIR --workers 2 --format json -o ...` against a
   sequential `pdftotext` loop over the same files; medians of --rounds; documents per second,
   the ratio (target <= 2x the pdftotext loop), and peak memory of the parent and of the workers
   (from plandoc's own -v log lines: it reports both).
3. --docx DOCX copies (a zip comment varies each) and --intakes intake files (client name and id
   vary), each checked the same way.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "intake"
FOUR_PAGE_CANDIDATES = ("broken-thread", "do-not-use-meds", "jargon-narrative", "vague-goals")
FIRST = ["Avery", "Blake", "Casey", "Devon", "Emery", "Finley", "Gray", "Harper", "Indigo", "Jules"]
LAST = ["Stone", "Moss", "Fern", "Reed", "Vale", "Brook", "Hale", "Lane", "Park", "Quinn"]


def env() -> dict[str, str]:
    e = dict(os.environ)
    e["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + e.get("PYTHONPATH", "")
    e.pop("CI", None)
    return e


def plandoc(*args: str) -> list[str]:
    return [sys.executable, "-m", "plandoc.cli", *args]


def varied_intake(src: Path, i: int) -> dict:
    data = yaml.safe_load(src.read_text())
    client = data.setdefault("client", {}) or {}
    data["client"] = client
    client["name"] = f"{FIRST[i % 10]} {LAST[(i // 10) % 10]}"
    client["preferred_name"] = FIRST[i % 10]
    client["client_id"] = f"BEN-{i:05d}"
    return data


def pages(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    m = re.search(r"^Pages:\s+(\d+)", out, re.M)
    return int(m.group(1)) if m else 0


def make_corpus(work: Path, n_pdf: int, n_docx: int, n_intake: int) -> tuple[Path, Path, Path]:
    seeds = work / "seeds"
    seeds.mkdir()
    intakes = []
    for k, name in enumerate(FOUR_PAGE_CANDIDATES):
        for v in range(3):
            p = seeds / f"{name}-{v}.yaml"
            p.write_text(yaml.safe_dump(varied_intake(SAMPLES / f"{name}.yaml", k * 3 + v), sort_keys=False))
            intakes.append(p)
    rendered = work / "rendered"
    t = time.perf_counter()
    subprocess.run(plandoc("render", *map(str, intakes), "--pdf", "--force", "-o", str(rendered)),
                   env=env(), check=True, capture_output=True)
    four = sorted(p for p in rendered.glob("*.pdf") if pages(p) == 4)
    if not four:
        raise SystemExit("no four-page PDF rendered; is LibreOffice installed?")
    print(f"rendered {len(intakes)} plans with `plandoc render --pdf` in {time.perf_counter() - t:.1f} s; "
          f"{len(four)} are four pages")
    pdf_dir, docx_dir, intake_dir = work / "pdf", work / "docx", work / "intake"
    for d in (pdf_dir, docx_dir, intake_dir):
        d.mkdir()
    for i in range(n_pdf):
        src = four[i % len(four)]
        (pdf_dir / f"plan-{i:04d}.pdf").write_bytes(src.read_bytes() + f"%bench copy {i}\n".encode())
    docx_seeds = sorted(rendered.glob("*.docx"))
    for i in range(n_docx):
        src = docx_seeds[i % len(docx_seeds)]
        dst = docx_dir / f"plan-{i:04d}.docx"
        shutil.copy(src, dst)
        with zipfile.ZipFile(dst, "a") as z:
            z.comment = f"bench copy {i}".encode()
    sample_files = sorted(SAMPLES.glob("*.yaml"))
    for i in range(n_intake):
        data = varied_intake(sample_files[i % len(sample_files)], i)
        (intake_dir / f"plan-{i:04d}.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    return pdf_dir, docx_dir, intake_dir


def timed(cmd: list[str] | str, *, shell: bool = False) -> tuple[float, str, int]:
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, shell=shell, env=env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, err = proc.communicate()
    seconds = time.perf_counter() - t
    if proc.returncode not in (0, 1, 3):
        raise SystemExit(f"command failed ({proc.returncode}): {err.decode()[-2000:]}")
    return seconds, err.decode(), proc.returncode


def run_seconds(log: str) -> float:
    """plandoc's own time for the documents (after start-up: imports and loading the rules)."""
    m = re.search(r"run: \d+ documents in ([\d.]+) s", log)
    return float(m.group(1)) if m else float("nan")


def memory(log: str) -> tuple[float, float]:
    parent = re.search(r"parent peak resident memory ([\d.]+) MiB", log)
    workers = re.search(r"workers: peak resident memory ([\d.]+) MiB", log)
    return float(parent.group(1)) if parent else float("nan"), float(workers.group(1)) if workers else float("nan")


def check_cmd(folder: Path, out: Path, workers: int) -> list[str]:
    return plandoc("check", str(folder), "--workers", str(workers), "--format", "json", "-o", str(out), "-v")


def bench_pdf(pdf_dir: Path, out: Path, rounds: int, workers: int) -> None:
    n = len(list(pdf_dir.glob("*.pdf")))
    loop = f'for f in "{pdf_dir}"/*.pdf; do pdftotext -q "$f" -; done > /dev/null'
    ours, theirs, mems, inner = [], [], [], []
    timed(loop, shell=True)  # warm the page cache
    for _ in range(rounds):
        theirs.append(timed(["sh", "-c", loop])[0])
        s, log, _ = timed(check_cmd(pdf_dir, out, workers))
        ours.append(s)
        mems.append(memory(log))
        inner.append(run_seconds(log))
    a, b = statistics.median(ours), statistics.median(theirs)
    ratios = [x / y for x, y in zip(ours, theirs)]
    print(f"\n{n} four-page PDFs, {rounds} rounds alternating (medians; min-max):")
    print(f"  plandoc check --workers {workers} --format json: {a:6.2f} s ({min(ours):.2f}-{max(ours):.2f})  "
          f"{n / a:6.1f} documents/s")
    print(f"  sequential pdftotext loop:                  {b:6.2f} s ({min(theirs):.2f}-{max(theirs):.2f})  "
          f"{n / b:6.1f} documents/s")
    print(f"  ratio plandoc / pdftotext: {statistics.median(ratios):.2f}x "
          f"({min(ratios):.2f}-{max(ratios):.2f}); target <= 2x")
    c = statistics.median(inner)
    print(f"  of which checking the documents (plandoc's -v figure, after start-up): {c:.2f} s, "
          f"{n / c:.1f} documents/s, {c / b:.2f}x the pdftotext loop; start-up {a - c:.2f} s")
    print(f"  peak memory: parent {max(m[0] for m in mems):.1f} MiB, largest worker {max(m[1] for m in mems):.1f} MiB")


def bench_other(label: str, folder: Path, out: Path, rounds: int, workers: int) -> None:
    n = sum(1 for _ in folder.iterdir())
    runs = [timed(check_cmd(folder, out, workers)) for _ in range(rounds)]
    secs = [r[0] for r in runs]
    mems = [memory(r[1]) for r in runs]
    a = statistics.median(secs)
    print(f"\n{n} {label}: plandoc check --workers {workers}: {a:.2f} s ({min(secs):.2f}-{max(secs):.2f})  "
          f"{n / a:.1f} documents/s; peak memory parent {max(m[0] for m in mems):.1f} MiB, "
          f"largest worker {max(m[1] for m in mems):.1f} MiB")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pdfs", type=int, default=200)
    ap.add_argument("--docx", type=int, default=1000)
    ap.add_argument("--intakes", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    if not shutil.which("pdftotext"):
        raise SystemExit("pdftotext (poppler-utils) is needed for the reference loop")
    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        pdf_dir, docx_dir, intake_dir = make_corpus(work, args.pdfs, args.docx, args.intakes)
        out = work / "report.json"
        bench_pdf(pdf_dir, out, args.rounds, args.workers)
        if args.docx:
            bench_other("DOCX plans", docx_dir, out, max(1, args.rounds - 1), args.workers)
        if args.intakes:
            bench_other("intake files", intake_dir, out, max(1, args.rounds - 1), args.workers)
        print(f"\nreport size for the last run: {out.stat().st_size / 1024:.0f} KiB")
    print(f"benchmark process peak: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
