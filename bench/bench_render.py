"""Render and PDF benchmark (plain Python; prints figures).

    PYTHONPATH=src python bench/bench_render.py [--renders 30] [--pdf-files 10]

1. DOCX renders per second: `render.render_plan` (sandboxed docxtpl, verify, normalise, atomic
   write) with the generic template and the fixture tests/render/fixtures/sud_full.yaml.
2. DOCX -> PDF with LibreOffice, same run: N files in ONE soffice call (`pdf_export.convert`)
   against one soffice call per file, and the ratio.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from plandoc import intake, pdf_export, render  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--renders", type=int, default=30)
    ap.add_argument("--pdf-files", type=int, default=10)
    args = ap.parse_args()
    plan = intake.load(ROOT / "tests/render/fixtures/sud_full.yaml")[0]
    tpl = ROOT / "templates/generic.docx"
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        render.render_plan(plan, tpl, work / "warm.docx", profile="generic")
        times = []
        for i in range(args.renders):
            t = time.perf_counter()
            render.render_plan(plan, tpl, work / f"r{i}.docx", profile="generic")
            times.append(time.perf_counter() - t)
        med = statistics.median(times)
        print(f"DOCX render: {args.renders} runs, median {med * 1000:.1f} ms "
              f"(min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f}) -> {1 / med:.1f} renders/s")
        ctx = render.build_context(plan, profile="generic")
        t = time.perf_counter()
        for _ in range(10):
            render.render_bytes(tpl, ctx)
        print(f"  render_bytes only (no file write): {(time.perf_counter() - t) / 10 * 1000:.1f} ms")

        from docxtpl import DocxTemplate  # bare docxtpl on the same template, for comparison
        import io
        from jinja2 import Environment

        bare = []
        for _ in range(10):
            t = time.perf_counter()
            d = DocxTemplate(str(tpl))
            d.render(ctx, jinja_env=Environment(autoescape=True))
            d.save(io.BytesIO())
            bare.append(time.perf_counter() - t)
        bm = statistics.median(bare)
        print(f"  bare docxtpl, same template and context (no sandbox, checks, verify, normalise): "
              f"{bm * 1000:.1f} ms; plandoc / bare = {med / bm:.2f}x")

        if shutil.which("soffice") is None:
            print("PDF: skipped (soffice not installed: apt-get install libreoffice-writer-nogui)")
            return 0
        n = args.pdf_files
        batch_dir, single_dir = work / "batch", work / "single"
        batch_dir.mkdir()
        single_dir.mkdir()
        for i in range(n):
            shutil.copy(work / f"r{i}.docx", batch_dir / f"p{i}.docx")
            shutil.copy(work / f"r{i}.docx", single_dir / f"p{i}.docx")
        pdf_export.convert([work / "warm.docx"])  # warm the page cache
        t = time.perf_counter()
        pdf_export.convert([batch_dir / f"p{i}.docx" for i in range(n)])
        batch = time.perf_counter() - t
        t = time.perf_counter()
        for i in range(n):
            pdf_export.convert([single_dir / f"p{i}.docx"])
        single = time.perf_counter() - t
        print(f"PDF batch: {n} files in one soffice call: {batch:.2f} s -> {n / batch:.2f} files/s")
        print(f"PDF one-shot: {n} soffice calls: {single:.2f} s -> {n / single:.2f} files/s "
              f"({single / n:.2f} s per call)")
        print(f"ratio one-shot / batch: {single / batch:.2f}x; batch marginal cost per file: "
              f"{(batch - single / n) / max(n - 1, 1):.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
