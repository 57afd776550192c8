"""HTML report: one self-contained file a person opens in a browser.

Inline CSS and JavaScript only; a Content-Security-Policy that allows nothing but those two
blocks (by hash), so the page loads nothing from the network and no text from a plan can run as
script; every value is HTML-escaped. Contents: summary counts, a sortable and filterable table of
documents (status, errors/warnings/info, and errors/warnings per category), then each document's
findings grouped by section with evidence, suggestion and the rule's source.
"""

from __future__ import annotations

import base64
import hashlib
from html import escape
from typing import Any

from .. import __version__
from ..findings import CATEGORIES, Finding
from ..results import DocumentResult, Report
from ..sections import SECTION_IDS, title

_CSS = """
:root{--err:#b3261e;--warn:#8a5a00;--info:#0b5cad;--ok:#1e6b34;--bg:#f6f7f9;--line:#d9dde3;--ink:#1b1f24;--mut:#5b6470}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans",sans-serif;color:var(--ink);background:var(--bg)}
header{background:#fff;border-bottom:1px solid var(--line);padding:16px 24px}
h1{margin:0;font-size:20px}
h2{font-size:16px;margin:24px 0 8px}
main{padding:0 24px 40px;max-width:1400px}
.meta{color:var(--mut);margin:4px 0 0;font-size:12px}
.cards{display:flex;flex-wrap:wrap;gap:8px;margin-top:16px}
.card{background:#fff;border:1px solid var(--line);border-radius:6px;padding:8px 14px;min-width:110px}
.card b{display:block;font-size:20px}
.card span{color:var(--mut);font-size:12px}
.card.err b{color:var(--err)}.card.warn b{color:var(--warn)}.card.info b{color:var(--info)}
.tools{display:flex;gap:8px;align-items:center;margin:8px 0}
.tools input{padding:6px 8px;border:1px solid var(--line);border-radius:4px;min-width:280px;font:inherit}
.tools span{color:var(--mut);font-size:12px}
.tablewrap{overflow-x:auto;background:#fff;border:1px solid var(--line);border-radius:6px}
table{border-collapse:collapse;width:100%}
th,td{padding:6px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top;white-space:nowrap}
td.path{white-space:normal;overflow-wrap:anywhere;min-width:160px;max-width:420px}
th.cat{white-space:normal;font-size:12px;line-height:1.2;min-width:52px;max-width:80px}
th.cat,td.c{padding:6px 4px}
td.c{font-size:13px}
thead th{vertical-align:bottom}
.base{color:var(--mut)}
th{background:#eef0f3;position:sticky;top:0;font-weight:600}
th button{all:unset;cursor:pointer;display:block}
th button:focus-visible{outline:2px solid var(--info)}
th[aria-sort=ascending] button::after{content:" \\25B2";font-size:10px}
th[aria-sort=descending] button::after{content:" \\25BC";font-size:10px}
td.num,th.num{text-align:right}
td.zero{color:#b5bbc3}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;background:#e6e8eb}
.st-checked{background:#e3f1e6;color:var(--ok)}
.st-error,.st-unreadable{background:#fbe4e2;color:var(--err)}
.st-needs_ocr{background:#fdf0d5;color:var(--warn)}
.sev{display:inline-block;min-width:58px;font-size:12px;font-weight:700;text-transform:uppercase}
.sev-error{color:var(--err)}.sev-warning{color:var(--warn)}.sev-info{color:var(--info)}
article{background:#fff;border:1px solid var(--line);border-radius:6px;padding:12px 16px;margin:12px 0}
article h3{margin:0 0 4px;font-size:15px;overflow-wrap:anywhere}
article .counts{color:var(--mut);margin:0 0 8px;font-size:12px}
.cannot{color:var(--err)}
details{border-top:1px solid var(--line);padding:6px 0}
summary{cursor:pointer;font-weight:600}
ul.findings{list-style:none;margin:6px 0 0;padding:0}
ul.findings li{padding:6px 0 6px 10px;border-left:3px solid var(--line);margin:4px 0}
ul.findings li.f-error{border-left-color:var(--err)}
ul.findings li.f-warning{border-left-color:#d9a441}
ul.findings li.f-info{border-left-color:#7fb0e0}
li code{background:#eef0f3;padding:0 4px;border-radius:3px}
.where{color:var(--mut);font-size:12px}
blockquote{margin:4px 0;padding:4px 8px;background:#f6f7f9;border-radius:4px;white-space:pre-wrap}
.fix{margin:2px 0}
.src{margin:2px 0;color:var(--mut);font-size:12px}
.hidden{display:none}
"""

_JS = """
(function(){
  var table=document.getElementById('docs');
  if(!table){return;}
  var body=table.tBodies[0];
  var heads=table.tHead.rows[0].cells;
  function key(row,i,num){
    var c=row.cells[i];var v=c.getAttribute('data-v');
    if(v===null){v=c.textContent;}
    return num?parseFloat(v)||0:v.toLowerCase();
  }
  Array.prototype.forEach.call(heads,function(th,i){
    var b=th.querySelector('button');if(!b){return;}
    b.addEventListener('click',function(){
      var num=th.getAttribute('data-type')==='num';
      var dir=th.getAttribute('aria-sort')==='ascending'?'descending':'ascending';
      Array.prototype.forEach.call(heads,function(h){h.removeAttribute('aria-sort');});
      th.setAttribute('aria-sort',dir);
      var rows=Array.prototype.slice.call(body.rows);
      var s=dir==='ascending'?1:-1;
      rows.sort(function(a,b){
        var x=key(a,i,num),y=key(b,i,num);
        if(x<y){return -s;} if(x>y){return s;}
        return (parseInt(a.getAttribute('data-i'),10)-parseInt(b.getAttribute('data-i'),10));
      });
      rows.forEach(function(r){body.appendChild(r);});
    });
  });
  var box=document.getElementById('filter');var shown=document.getElementById('shown');
  function filter(){
    var q=box.value.toLowerCase();var n=0;
    Array.prototype.forEach.call(body.rows,function(r){
      var hit=!q||r.textContent.toLowerCase().indexOf(q)>=0;
      r.classList.toggle('hidden',!hit);if(hit){n++;}
    });
    shown.textContent=n+' of '+body.rows.length+' shown';
  }
  box.addEventListener('input',filter);filter();
})();
"""


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


_CAT_SHORT = {c: c.replace("_", " ") for c in CATEGORIES}
_CAT_SHORT.update({"stigmatizing_language": "stigma", "subjective_language": "subjective", "abbreviation": "abbrev.",
                   "readability": "readab.", "missing_section": "missing section", "missing_field": "missing field"})


def _summary(report: Report) -> str:
    sm = report.summary()
    f = sm["findings"]
    cards = [("Documents", sm["documents"], ""), ("Checked", sm["checked"], ""),
             ("Could not check", sm["failed"], "err" if sm["failed"] else ""),
             ("Skipped", sm["skipped"], ""), ("Errors", f["error"], "err"),
             ("Warnings", f["warning"], "warn"), ("Info", f["info"], "info")]
    return '<div class="cards">' + "".join(
        f'<div class="card {cls}"><b>{n}</b><span>{e(label)}</span></div>' for label, n, cls in cards) + "</div>"


def _doc_table(report: Report, categories: list[str]) -> str:
    heads = [("#", "num"), ("Document", "text"), ("Status", "text"), ("Errors", "num"),
             ("Warnings", "num"), ("Info", "num")]
    base = len(heads)
    heads += [(_CAT_SHORT[c], "num") for c in categories]
    full = {_CAT_SHORT[c]: c.replace("_", " ") + " (errors / warnings)" for c in categories}
    th = "".join(
        f'<th data-type="{t}" class="{"num" if t == "num" and i != 0 else ""}{" cat" if i >= base else ""}" '
        f'scope="col"><button type="button" title="Sort by {e(full.get(h, h))}">{e(h)}</button></th>'
        for i, (h, t) in enumerate(heads))
    prefix = _common_folder(report)
    rows = []
    for i, d in enumerate(report.documents, start=1):
        c = d.counts()
        cats = d.category_counts()
        cells = [f'<td class="num">{i}</td>',
                 f'<td class="path" data-v="{e(d.path)}"><a href="#doc-{i}" title="{e(d.path)}">'
                 f'{e(d.path[len(prefix):])}</a></td>',
                 f'<td><span class="badge st-{e(d.status)}">{e(d.status.replace("_", " "))}</span></td>']
        for sev in ("error", "warning", "info"):
            cells.append(f'<td class="num{" zero" if not c[sev] else ""}">{c[sev]}</td>')
        for cat in categories:
            n = cats.get(cat, {"error": 0, "warning": 0, "info": 0})
            weight = n["error"] * 10000 + n["warning"] * 100 + n["info"]
            if n["error"] or n["warning"]:
                text, cls = f'{n["error"]} / {n["warning"]}', ""
            else:
                text, cls = (f'{n["info"]} info', " zero") if n["info"] else ("–", " zero")
            cells.append(f'<td class="num c{cls}" data-v="{weight}" title="{e(cat.replace("_", " "))}: '
                         f'{n["error"]} errors / {n["warning"]} warnings / {n["info"]} info">{text}</td>')
        rows.append(f'<tr data-i="{i}">' + "".join(cells) + "</tr>")
    return (f'<div class="tablewrap"><table id="docs"><thead><tr>{th}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>')


def _common_folder(report: Report) -> str:
    """The folder every document path starts with ('' when none), shown once above the table."""
    import os

    paths = [d.path for d in report.documents]
    if len(paths) < 2:
        return ""
    try:
        common = os.path.commonpath(paths)
    except ValueError:
        return ""
    if not common or common in paths:
        return ""
    return common.rstrip("/") + "/"


def _finding(f: Finding, report: Report) -> str:
    src = f.source or report.sources.get(f.rule)
    where = f.location.short()
    parts = [f'<li class="f-{e(f.severity.value)}"><span class="sev sev-{e(f.severity.value)}">'
             f'{e(f.severity.value)}</span> <code>{e(f.rule)}</code> {e(f.message)}']
    if where:
        parts.append(f' <span class="where">{e(where)}</span>')
    if f.evidence:
        parts.append(f"<blockquote>{e(f.evidence)}</blockquote>")
    if f.suggestion:
        parts.append(f'<p class="fix"><b>Suggestion:</b> {e(f.suggestion)}</p>')
    if src:
        link = ""
        if src.url and src.url.startswith(("https://", "http://")):
            link = f' <a href="{e(src.url)}" rel="noopener noreferrer" target="_blank">{e(src.url)}</a>'
        parts.append(f'<p class="src">Source ({e(src.confidence)}): {e(src.citation)}{link}</p>')
    parts.append("</li>")
    return "".join(parts)


def _document(i: int, d: DocumentResult, report: Report) -> str:
    c = d.counts()
    out = [f'<article id="doc-{i}"><h3>{i}. {e(d.path)} '
           f'<span class="badge st-{e(d.status)}">{e(d.status.replace("_", " "))}</span></h3>',
           f'<p class="counts">{e(d.kind)} · profile {e(d.profile or "-")} · {c["error"]} errors, '
           f'{c["warning"]} warnings, {c["info"]} info</p>']
    if d.status != "checked":
        err = d.error or {}
        out.append(f'<p class="cannot"><b>Cannot check:</b> {e(err.get("message"))} '
                   f'<code>{e(err.get("code"))}</code></p>')
        for p in err.get("problems") or []:
            out.append(f'<p class="cannot">{e(p)}</p>')
    elif not d.findings:
        out.append("<p>No findings.</p>")
    else:
        groups: dict[str | None, list[Finding]] = {}
        for f in d.findings:
            groups.setdefault(f.location.section, []).append(f)
        for sid in [s for s in (*SECTION_IDS, None) if s in groups]:
            items = sorted(groups[sid], key=lambda f: -f.severity.rank)
            name = title(sid) if sid in SECTION_IDS else "Whole plan"
            out.append(f"<details open><summary>{e(name)} ({len(items)})</summary><ul class=\"findings\">"
                       + "".join(_finding(f, report) for f in items) + "</ul></details>")
    out.append("</article>")
    return "".join(out)


def _folder_note(report: Report) -> str:
    prefix = _common_folder(report)
    return f' <span class="base">in {e(prefix)}</span>' if prefix else ""


def render(report: Report) -> str:
    present = {f.category for d in report.documents for f in d.findings}
    categories = [c for c in CATEGORIES if c in present]
    csp = (f"default-src 'none'; style-src {_csp_hash(_CSS)}; script-src {_csp_hash(_JS)}; "
           "img-src 'none'; base-uri 'none'; form-action 'none'")
    skipped = ""
    if report.skipped:
        rows = "".join(f'<tr><td class="path">{e(s["path"])}</td><td>{e(s["reason"])}</td></tr>'
                       for s in report.skipped)
        skipped = (f"<h2>Skipped ({len(report.skipped)})</h2><div class=\"tablewrap\"><table id=\"skipped\">"
                   f"<thead><tr><th>File</th><th>Reason</th></tr></thead><tbody>{rows}</tbody></table></div>")
    docs = "".join(_document(i, d, report) for i, d in enumerate(report.documents, start=1))
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
        '<meta name="referrer" content="no-referrer">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>plandoc report</title><style>{_CSS}</style></head><body>"
        f"<header><h1>plandoc report</h1><p class=\"meta\">profile {e(report.profile)} · as of {e(report.as_of)} · "
        f"plandoc {e(__version__)} · rules sha256 {e(report.rules_digest[:16])}</p>{_summary(report)}</header>"
        f"<main><h2>Documents{_folder_note(report)}</h2>"
        '<div class="tools"><input id="filter" type="search" placeholder="Filter documents" '
        'aria-label="Filter documents"><span id="shown"></span></div>'
        f"{_doc_table(report, categories)}{skipped}"
        f"<h2>Findings by document</h2>{docs}</main>"
        f"<script>{_JS}</script></body></html>\n"
    )
