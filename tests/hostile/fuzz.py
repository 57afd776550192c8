"""Mutation fuzzing of the document readers: only plandoc's own errors may escape.

Used by the property test in tests/hostile (a few hundred inputs per run) and by
`python -m tests.hostile.fuzz --minutes 10` for long runs by hand. Every input that makes something
other than a PlandocError escape is saved under tests/hostile/regressions/ and stays there as a
permanent regression file.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import random
import sys
import time
import zipfile
from pathlib import Path

from plandoc.errors import PlandocError


def mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    """Flip, drop, duplicate or truncate a few byte ranges (PDF and raw-ZIP style damage)."""
    b = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        if not b:
            break
        op = rng.random()
        i = rng.randrange(len(b))
        if op < 0.35:
            b[i] = rng.randrange(256)
        elif op < 0.55:
            del b[i:i + rng.randint(1, 64)]
        elif op < 0.7:
            j = rng.randrange(len(b))
            b[i:i] = b[j:j + rng.randint(1, 64)]
        elif op < 0.8:
            del b[rng.randrange(len(b)):]
        else:
            token = rng.choice([b"obj", b"endobj", b"stream", b"endstream", b"/Length 99999999", b"<<", b">>",
                                b"/Pages", b"/Kids [1 0 R]", b"xref", b"trailer", b"%%EOF", b"\x00" * 8])
            b[i:i] = token
    return bytes(b)


def mutate_docx(data: bytes, rng: random.Random) -> bytes:
    """Rewrite one XML part of a DOCX with byte damage, repack (python-docx's OSS-Fuzz approach)."""
    try:
        zin = zipfile.ZipFile(io.BytesIO(data))
        names = zin.namelist()
    except zipfile.BadZipFile:
        return mutate_bytes(data, rng)
    xml_parts = [n for n in names if n.endswith((".xml", ".rels"))]
    target = rng.choice(xml_parts) if xml_parts else None
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for n in names:
            raw = zin.read(n)
            if n == target:
                raw = mutate_bytes(raw, rng)
            zout.writestr(n, raw)
    return out.getvalue()


def check_one(data: bytes, suffix: str, workdir: Path) -> BaseException | None:
    """Read one mutated input; return the exception if anything but a PlandocError escaped."""
    from plandoc.parse import read_document

    path = workdir / f"input{suffix}"
    path.write_bytes(data)
    try:
        read_document(path, "fuzz-input")
    except PlandocError:
        return None
    except RecursionError as exc:  # noqa: F841 - a real escape: report it
        return exc
    except Exception as exc:  # noqa: BLE001 - anything else is what we are hunting
        return exc
    return None


def save_regression(data: bytes, suffix: str, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()[:16] + suffix
    path = folder / name
    if not path.exists():
        path.write_bytes(data)
    return path


def seeds(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.rglob("*") if p.suffix.lower() in (".pdf", ".docx") and p.stat().st_size < 3_000_000)


def run(corpus: Path, minutes: float, out: Path, seed: int = 0) -> dict:
    import tempfile

    rng = random.Random(seed)
    files = seeds(corpus)
    originals = {p: p.read_bytes() for p in files}
    deadline = time.monotonic() + minutes * 60
    count = 0
    escapes: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        while time.monotonic() < deadline:
            src = rng.choice(files)
            data = originals[src]
            suffix = src.suffix.lower()
            mutated = mutate_docx(data, rng) if suffix == ".docx" else mutate_bytes(data, rng)
            exc = check_one(mutated, suffix, work)
            count += 1
            if exc is not None:
                saved = save_regression(mutated, suffix, out)
                escapes.append((saved.name, type(exc).__name__))
                print(f"escape: {type(exc).__name__} from a mutation of {src.name} -> {saved}", file=sys.stderr)
    return {"inputs": count, "minutes": minutes, "escapes": escapes, "seed_files": len(files)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[3] / "shared" / "corpus")
    ap.add_argument("--minutes", type=float, default=10.0)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "regressions")
    args = ap.parse_args()
    res = run(args.corpus, args.minutes, args.out, args.seed)
    print(f"fuzzed {res['inputs']} inputs from {res['seed_files']} seed files in {res['minutes']:g} min; "
          f"{len(res['escapes'])} escaping exceptions")
    for name, kind in res["escapes"]:
        print(f"  {kind}: {name}")


if __name__ == "__main__":
    main()
