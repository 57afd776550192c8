"""Benchmark `plandoc check` on plan PDFs against poppler's `pdftotext` on the same files.

    PYTHONPATH=src python bench/bench_pdf.py [--rounds N] [--copies N] [--quick]

Plain Python and public tools only (reportlab, pdftotext). Prints figures; asserts nothing.

1. Builds plan PDFs of 4, 20 and 100 pages with reportlab: one fictional 4-page treatment plan
   (headings, a client table, a goals table, services, signatures), repeated, each copy on new pages.
2. For each size and each PDF engine (pdfium, the default, and pdfplumber):
   - whole process: `python -m plandoc.cli check FILE --format json` against `pdftotext FILE -`,
     interleaved (A B A B ...), median wall time over N rounds, the ratio of the medians, and the
     peak RSS of each child (os.wait4);
   - in process: `plandoc.api.check_paths([FILE])` after one warm-up call, against
     `subprocess.run(["pdftotext", FILE, "-"])` timed from the same process.
3. Memory flatness: one fresh process checks the 4-page PDF `--copies` times (different file
   names) in process and prints its resident set size at every quarter.
4. Start-up: `python -m plandoc.cli --help` and `python -c pass`, whole process.

The issue's target: end-to-end check of a 4-page PDF within 3x pdftotext. On a 2-vCPU shared
machine differences under about 5% are noise (shared/PERFORMANCE.md).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
ENV = dict(os.environ, PYTHONPATH=str(SRC))


# ------------------------------------------------------------------------------ test documents
def plan_story(copy: int, extra: int = 0):
    from reportlab.lib import colors
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, Spacer, Table, TableStyle

    ss = getSampleStyleSheet()
    body, h1 = ss["BodyText"], ss["Heading2"]
    p = lambda t: Paragraph(t, body)  # noqa: E731

    def grid(rows, widths):
        t = Table([[Paragraph(c, body) for c in r] for r in rows], colWidths=widths, repeatRows=1)
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        return t

    filler = ("Client reports steady work and support from family. Cravings are strongest after late shifts "
              "and on paydays. Sleep has improved since the last review and the client keeps a daily log. ")
    s = [Paragraph(f"Recovery Maintenance Plan (copy {copy + 1})", ss["Title"]),
         Paragraph("Client Information", h1),
         grid([["<b>Client Name</b>", "Jordan Sample"], ["<b>Date of Birth</b>", "03/14/1988"],
               ["<b>Client ID</b>", f"BEN-{copy:05d}"], ["<b>Plan Date</b>", "11/02/2026"],
               ["<b>Emergency Contact</b>", "Casey Sample, sister, 555-0178"]], [150, 354]),
         Paragraph("Assessment Summary", h1), p("Diagnosis: F10.20 Alcohol dependence, uncomplicated. " + filler * 4),
         p("Strengths: steady job, supportive sister, finished the last program. " + filler * 3),
         Paragraph("Goals and Objectives", h1),
         grid([["<b>Goal</b>", "<b>Objective</b>", "<b>Target Date</b>", "<b>Responsible</b>"]] +
              [[f"Goal {g}: Jordan will have no alcohol use for 180 days, confirmed by monthly breath tests.",
                f"Objective {g}a: Jordan will attend 3 meetings per week for 12 weeks.", "05/01/2027", "Counselor"]
               for g in range(1, 7)], [150, 180, 80, 94]),
         Paragraph("Interventions", h1),
         grid([["<b>Intervention</b>", "<b>Frequency</b>", "<b>Responsible</b>"]] +
              [[f"Individual therapy, session plan {i}", "weekly, 50 minutes", "Morgan Reyes, LCSW"] for i in range(8)],
              [220, 140, 144]),
         Paragraph("Coping Strategies", h1), p(filler * 5),
         Paragraph("Support Systems", h1), p(filler * 4),
         Paragraph("Monitoring and Review", h1), p("Plan reviewed every 90 days. Next review date: 01/31/2027. " + filler * 4),
         Paragraph("Discharge Criteria", h1), p(filler * (4 + extra)),
         Paragraph("Signatures", h1),
         grid([["<b>Role</b>", "<b>Printed name</b>", "<b>Date</b>"], ["Client", "Jordan Sample", "11/02/2026"],
               ["Clinician", "Morgan Reyes, LCSW", "11/02/2026"]], [150, 200, 154]),
         Spacer(1, 6)]
    return s + [PageBreak()]


def _pages(path: Path) -> int:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def build_pdf(path: Path, copies: int) -> int:
    """`copies` copies of a plan of exactly 4 pages (filler added until one copy fills 4 pages)."""
    from reportlab.lib.pagesizes import letter
    from reportlab.platypus import SimpleDocTemplate

    extra = 0
    while extra < 40:
        SimpleDocTemplate(str(path), pagesize=letter, invariant=1).build(plan_story(0, extra)[:-1])
        if _pages(path) >= 4:
            break
        extra += 2
    story = []
    for c in range(copies):
        story += plan_story(c, extra)
    story.pop()  # no blank page at the end
    doc = SimpleDocTemplate(str(path), pagesize=letter, invariant=1, title="benchmark plan")
    doc.build(story)
    return _pages(path)


# ------------------------------------------------------------------------------ measuring
TIME = shutil.which("time") if os.path.exists("/usr/bin/time") else None


def run_child(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one child process.

    The peak comes from `/usr/bin/time -f %M` when present: a child forked from this (large) Python
    process reports the parent's pages in its own ru_maxrss until it execs, so os.wait4 overstates
    small children such as pdftotext. Without /usr/bin/time, os.wait4 is the fallback (an upper bound).
    """
    if TIME:
        t0 = time.perf_counter()
        res = subprocess.run([TIME, "-f", "%M", *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             text=True, env=ENV, check=False)
        wall = time.perf_counter() - t0
        return wall, int(res.stderr.strip().splitlines()[-1]) / 1024
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss / 1024


def med(xs: list[float]) -> float:
    return statistics.median(xs)


def whole_process(pdf: Path, engine: str, rounds: int) -> dict:
    check = [sys.executable, "-m", "plandoc.cli", "check", str(pdf), "--format", "json", "--pdf-engine", engine]
    ptt = ["pdftotext", "-q", str(pdf), "-"]
    run_child(check), run_child(ptt)  # warm-up (page cache, ICD cache file)
    a, b, ra, rb = [], [], [], []
    for _ in range(rounds):
        t, r = run_child(check)
        a.append(t), ra.append(r)
        t, r = run_child(ptt)
        b.append(t), rb.append(r)
    return {"check": a, "pdftotext": b, "check_rss": max(ra), "pdftotext_rss": max(rb)}


def in_process(pdf: Path, engine: str, rounds: int) -> dict:
    sys.path.insert(0, str(SRC))
    from plandoc import api

    rules = api.load_rules()
    api.check_paths([pdf], rules=rules, pdf_engine=engine)  # warm-up: imports, ICD table, regexes
    a, b = [], []
    for _ in range(rounds):
        t0 = time.perf_counter()
        api.check_paths([pdf], rules=rules, pdf_engine=engine)
        a.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        subprocess.run(["pdftotext", "-q", str(pdf), "-"], stdout=subprocess.DEVNULL, check=False)
        b.append(time.perf_counter() - t0)
    return {"check": a, "pdftotext": b}


FLAT = r"""
import resource, shutil, sys, tempfile
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from plandoc import api
src, n = Path(sys.argv[2]), int(sys.argv[3])
def rss():
    with open('/proc/self/statm') as fh:
        return int(fh.read().split()[1]) * resource.getpagesize() / 2**20
tmp = Path(tempfile.mkdtemp(prefix='plandoc-flat-'))
rules = api.load_rules()
out = [(0, rss())]
for i in range(1, n + 1):
    f = tmp / f'plan-{i:04d}.pdf'
    shutil.copyfile(src, f)
    rep = api.check_paths([f], rules=rules)
    assert rep.documents[0].status == 'checked'
    f.unlink()
    if i % max(1, n // 4) == 0 or i == n:
        out.append((i, rss()))
shutil.rmtree(tmp)
print(' '.join(f'{i}:{r:.1f}' for i, r in out))
print(f'peak:{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f}')
"""


def flatness(pdf: Path, copies: int) -> str:
    res = subprocess.run([sys.executable, "-c", FLAT, str(SRC), str(pdf), str(copies)], capture_output=True,
                         text=True, env=ENV, check=False)
    return res.stdout.strip() or res.stderr.strip()[-500:]


# ------------------------------------------------------------------------------ main
def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--copies", type=int, default=300)
    ap.add_argument("--quick", action="store_true", help="4 and 20 pages only, 3 rounds, 40 copies")
    args = ap.parse_args()
    if not shutil.which("pdftotext"):
        print("pdftotext (poppler-utils) is not installed; nothing to compare with")
        return 2
    sizes = {4: 1, 20: 5} if args.quick else {4: 1, 20: 5, 100: 25}
    rounds = 3 if args.quick else args.rounds
    copies = 40 if args.quick else args.copies
    work = Path(tempfile.mkdtemp(prefix="plandoc-bench-"))
    try:
        files = {}
        for want, n in sizes.items():
            path = work / f"plan_{want}p.pdf"
            files[want] = (path, build_pdf(path, n))
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs; medians; "
              f"whole-process rounds {rounds} (100 pages: {min(rounds, 5)}, pdfplumber: {min(rounds, 3)})\n")
        print("| engine | pages | mode | check median s (min-max) | pdftotext median s | x pdftotext | "
              "ms/page | check peak RSS MiB | pdftotext peak RSS MiB |")
        print("|---|---:|---|---:|---:|---:|---:|---:|---:|")
        for engine in ("pdfium", "pdfplumber"):
            for want, (path, pages) in files.items():
                r = min(rounds, 5 if want >= 100 else rounds, 3 if engine == "pdfplumber" else rounds)
                w = whole_process(path, engine, r)
                i = in_process(path, engine, r)
                for mode, d in (("whole process", w), ("in process", i)):
                    c, p = med(d["check"]), med(d["pdftotext"])
                    rss = f"{d['check_rss']:.0f}" if "check_rss" in d else "-"
                    prss = f"{d['pdftotext_rss']:.0f}" if "pdftotext_rss" in d else "-"
                    print(f"| {engine} | {pages} | {mode} | {c:.3f} ({min(d['check']):.3f}-{max(d['check']):.3f}) | "
                          f"{p:.4f} | {c / p:.1f} | {1000 * c / pages:.1f} | {rss} | {prss} |", flush=True)
        print()
        for label, cmd in (("python -c pass", [sys.executable, "-c", "pass"]),
                           ("plandoc --help", [sys.executable, "-m", "plandoc.cli", "--help"])):
            run_child(cmd)
            ts = [run_child(cmd) for _ in range(rounds)]
            print(f"start-up, {label}: {med([t for t, _ in ts]):.3f} s, peak RSS {max(r for _, r in ts):.0f} MiB")
        path4 = files[4][0]
        print(f"\nmemory flatness, {copies} x {files[4][1]}-page PDF checked in one process "
              f"(checked:RSS MiB): {flatness(path4, copies)}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
