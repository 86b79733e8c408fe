"""The report as one self-contained HTML page: no network, no script needed to read it.

Every string that came from a PDF or a CSV goes through :func:`esc`. A Content-Security-
Policy in the page forbids any connection and any script but the one short print helper
(allowed by its hash), so even a mistake in escaping could not run what a PDF contains.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable, Sequence
from html import escape

from .. import __version__
from .charts import shift_chart, trend_panel
from .content import MAX_FAILURES, MAX_KWIC, MAX_NAMES, THIN_DOCUMENTS
from .records import (
    Excerpt,
    FramingEnd,
    LabelMentions,
    Method,
    ReportContent,
    Shift,
    TrendChart,
)

# The sections in page order: (id, heading). Tests and the table of contents use these.
SECTIONS = (
    ("summary", "At a glance"),
    ("themes", "Themes over time"),
    ("framing", "Where each theme is discussed"),
    ("shifts", "Shifts beyond noise"),
    ("topics", "Topics"),
    ("mentions", "Mentions in context"),
    ("reading", "What was read"),
    ("method", "Method"),
    ("reproduce", "How to reproduce"),
)

# Opens every <details> before printing, so the numbers behind each chart are on paper too
# (the print stylesheet does the same in browsers that support ::details-content).
PRINT_SCRIPT = ('addEventListener("beforeprint",function(){document.querySelectorAll('
                '"details").forEach(function(d){d.open=true})});')

STYLE = """
:root{color-scheme:light;--ink:#1a1a1a;--muted:#555;--line:#ccc;--soft:#f4f4f4;--accent:#0072B2}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,
sans-serif;color:var(--ink);background:#fff}
main{max-width:72rem;margin:0 auto;padding:1rem}
header.top{background:#10283d;color:#fff}
header.top div{max-width:72rem;margin:0 auto;padding:1.2rem 1rem}
header.top h1{margin:0 0 .3rem;font-size:1.7rem;line-height:1.2}
header.top p{margin:0;color:#dfe8f0}
nav ol{display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;list-style:none;margin:0;padding:.6rem 0}
nav a{color:var(--accent)}
h2{font-size:1.45rem;margin:2.2rem 0 .6rem;padding-top:.6rem;border-top:2px solid var(--ink)}
h3{font-size:1.12rem;margin:1.4rem 0 .4rem}
h4{font-size:1rem;margin:1rem 0 .3rem}
p,li{max-width:48rem}
a{color:var(--accent)}
.note{color:var(--muted);font-size:.92rem}
.facts{display:grid;grid-template-columns:repeat(auto-fit,minmax(9.5rem,1fr));gap:.6rem;
padding:0;margin:.8rem 0;list-style:none}
.facts li{background:var(--soft);padding:.6rem .8rem;border-left:4px solid var(--accent)}
.facts strong{display:block;font-size:1.35rem}
figure{margin:1rem 0}
figcaption{font-weight:600;margin-bottom:.4rem}
.panels{display:grid;grid-template-columns:repeat(auto-fill,minmax(15.5rem,1fr));gap:.8rem}
.panel{margin:0;border:1px solid var(--line);padding:.4rem}
.panel h3{margin:.1rem .2rem .2rem;font-size:.95rem}
svg.chart{display:block;width:100%;height:auto;max-width:100%}
svg.wide{max-width:36rem}
details{margin:.6rem 0 1rem}
summary{cursor:pointer;color:var(--accent)}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}
th,td{border-bottom:1px solid var(--line);padding:.25rem .5rem;text-align:left;
vertical-align:top;overflow-wrap:break-word}
td{min-width:4.5em}
td .words{display:block;min-width:12em}
th{background:var(--soft)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.left{text-align:right;color:var(--muted)}
td.right{color:var(--muted)}
mark{background:#fde9b0;color:inherit;padding:0 .15em;font-weight:600}
.thin{font-weight:600;color:#8a3b00}
.badge{display:inline-block;border:1px solid currentColor;border-radius:3px;padding:0 .3em;
font-size:.8rem;margin-left:.4em}
blockquote.passage{margin:.6rem 0;padding:.5rem .8rem;border-left:4px solid var(--line);
background:#fafafa;max-width:48rem;overflow-wrap:anywhere}
blockquote.passage p{margin:0 0 .3rem}
blockquote.passage footer{font-size:.85rem;color:var(--muted)}
.words{overflow-wrap:anywhere}
pre{background:var(--soft);padding:.8rem;overflow-x:auto;white-space:pre-wrap;
overflow-wrap:anywhere}
.shift{border-top:1px solid var(--line);margin-top:1rem}
@media print{
body{font-size:11pt}
header.top{background:none;color:#000;border-bottom:2px solid #000}
header.top p{color:#000}
nav,summary{display:none}
main{max-width:none;padding:0}
a{color:inherit;text-decoration:none}
h2{break-before:auto;break-after:avoid}
h3,h4{break-after:avoid}
figure,blockquote,tr,.panel{break-inside:avoid}
details::details-content{display:contents;content-visibility:visible}
.panels{grid-template-columns:repeat(2,1fr)}
.scroll{overflow:visible}
}
"""


def esc(value: object) -> str:
    """Text for HTML: everything escaped, quotes included; None is empty."""
    return "" if value is None else escape(str(value), quote=True)


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def pct(value: float | None, digits: int = 1) -> str:
    """A share as a percentage ('12.3%')."""
    return "" if value is None else f"{value * 100:.{digits}f}%"


def points(value: float | None) -> str:
    """A change of share in percentage points ('+4.2')."""
    return "" if value is None else f"{value * 100:+.1f}"


def num(value: float | None, digits: int = 1) -> str:
    return "" if value is None else f"{value:,.{digits}f}"


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]], *, numeric: Sequence[int] = (),
           caption: str = "", attrs: str = "") -> str:
    """A table of already-escaped cells, in a wrapper that scrolls on narrow screens."""
    num_class = ' class="num"'
    head = "".join(f'<th scope="col"{num_class if i in numeric else ""}>{h}</th>'
                   for i, h in enumerate(headers))
    body = "".join(
        "<tr>" + "".join(f'<td{num_class if i in numeric else ""}>{c}</td>'
                         for i, c in enumerate(row)) + "</tr>" for row in rows)
    cap = f"<caption>{caption}</caption>" if caption else ""
    return (f'<div class="scroll"><table{attrs}>{cap}<thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table></div>")


def _excerpt(x: Excerpt) -> str:
    who = ", ".join(esc(v) for v in (x.speaker, x.party) if v)
    where = [esc(x.date or "undated"), f"<cite>{esc(x.title)}</cite>",
             f"{esc(x.document)}, page {x.page}"]
    if x.share is not None:
        where.append(f"topic share {pct(x.share, 0)}")
    return (f'<blockquote class="passage" data-passage="{esc(x.passage_id)}"><p>{esc(x.text)}'
            f"</p><footer>{who + ' · ' if who else ''}{' · '.join(where)}</footer></blockquote>")


# -- sections ----------------------------------------------------------------------------------
def _summary(c: ReportContent) -> str:
    r = c.reading
    facts = [
        (f"{r.n_documents:,}", "documents read"),
        (f"{r.n_passages:,}", "passages"),
        (f"{r.n_words:,}", "words"),
        (f"{esc(r.date_from or '-')[:4]}–{esc(r.date_to or '-')[:4]}", "dates"),
        (f"{r.n_failures:,}", "files not read"),
    ]
    items = "".join(f"<li><strong>{a}</strong>{b}</li>" for a, b in facts)
    lines = []
    # Changes that rest on enough documents first; rises, then falls, the largest first (as
    # `policylens run` lists them).
    beyond = sorted((s for s in c.shifts if s.exceeds_noise),
                    key=lambda s: (s.thin, s.change < 0, -abs(s.change), s.topic))
    for s in beyond[:4]:
        word = "rose" if s.change > 0 else "fell"
        thin = ' <span class="thin">(thin: few documents)</span>' if s.thin else ""
        lines.append(f"<li>Topic {s.topic} <strong>{esc(s.label)}</strong> {word} from "
                     f"{pct(s.share_from)} to {pct(s.share_to)} of the debate between "
                     f"{esc(s.from_period)} and {esc(s.to_period)} ({points(s.change)} points,"
                     f" 95% interval {points(s.ci_low)} to {points(s.ci_high)}){thin}.</li>")
    if c.themes:
        for s in _theme_moves(c.themes)[:2]:
            lines.append(f"<li>{s}</li>")
    if not lines:
        lines.append("<li>No topic changed by more than its interval's width between the "
                     "periods compared.</li>")
    return (f'<ul class="facts">{items}</ul><h3>What moved</h3><ul>{"".join(lines)}</ul>')


def _theme_moves(chart: TrendChart) -> list[str]:
    """Sentences for the series whose first and last (non-thin) values differ most,
    relative to their first value."""
    out = []
    for s in chart.series:
        pts = [p for p in s.points if not p.thin] or list(s.points)
        if len(pts) < 2 or not pts[0].value:
            continue
        a, b = pts[0], pts[-1]
        ratio = b.value / a.value
        separate = b.low > a.high or b.high < a.low
        out.append((abs(ratio - 1) if separate else -1, s.name, a, b, separate))
    out.sort(key=lambda t: -t[0])
    sentences = []
    for _score, name, a, b, separate in out:
        if not separate:
            continue
        fmt = (lambda v: pct(v)) if chart.percent else (lambda v: num(v))
        sentences.append(
            f"<strong>{esc(name)}</strong> went from {fmt(a.value)} to {fmt(b.value)} "
            f"{esc(chart.measure)} between {esc(a.period)} and {esc(b.period)} (95% intervals "
            f"{fmt(a.low)}–{fmt(a.high)} and {fmt(b.low)}–{fmt(b.high)} do not overlap).")
    return sentences


def trend_figure(chart: TrendChart, chart_id: str, intro: str = "") -> str:
    """A trend chart: heading, one panel per series, and its numbers in a table."""
    panels = "".join(
        f'<figure class="panel"><h3 id="{chart_id}-{i}">{esc(s.name)}</h3>'
        f"{trend_panel(chart, i, chart_id)}</figure>" for i, s in enumerate(chart.series))
    value = esc(chart.measure)
    rows = []
    for s in chart.series:
        for p in s.points:
            fmt = pct if chart.percent else num
            rows.append((esc(s.name), esc(p.period), fmt(p.value), fmt(p.low), fmt(p.high),
                         str(p.n_passages), "" if p.n_documents is None else str(p.n_documents),
                         "thin" if p.thin else ""))
    thin_note = (f" Hollow points mark thin periods (fewer than {THIN_DOCUMENTS} documents): "
                 "read them with care." if any(p.thin for s in chart.series for p in s.points)
                 else "")
    table = _table(("series", "period", value, "95% low", "95% high", "passages", "documents",
                    "thin"), rows, numeric=(2, 3, 4, 5, 6),
                   attrs=f' data-source="{esc(chart.source)}"')
    return (f'<figure aria-labelledby="{chart_id}-caption"><figcaption id="{chart_id}-caption">'
            f"{esc(chart.title)} ({value}, by {esc(chart.period_word)})</figcaption>{intro}"
            f'<div class="panels">{panels}</div>'
            f'<p class="note">Lines are the values per {esc(chart.period_word)}; shaded bands '
            f"are 95% bootstrap intervals; each panel has its own scale.{thin_note} Source: "
            f"<code>{esc(chart.source)}</code>.</p>"
            f"<details><summary>The numbers behind this chart</summary>{table}</details>"
            "</figure>")


def _themes(c: ReportContent) -> str:
    if c.themes is None:
        return "<p>No trends were found beside the store: run <code>policylens trends</code>.</p>"
    intro = ""
    if c.themes.source == "mention_trends.csv":
        intro = ('<p class="note">Until themes are computed, the four labels\' mention rates '
                 "stand for them: how often the tagger finds therapies, costs, regulation and "
                 "the NHS workforce, per 10,000 words of each period.</p>")
    return trend_figure(c.themes, "themes-chart", intro)


def _framing_end(e: FramingEnd) -> str:
    thin = ' <span class="thin badge">thin</span>' if e.thin else ""
    return (f"{esc(e.period)}: {esc(e.topic)}, {pct(e.share)} [{pct(e.ci_low)}, "
            f"{pct(e.ci_high)}] of {e.n_mentions} mentions{thin}")


def _framing(c: ReportContent) -> str:
    if not c.framing:
        return ("<p>No framing table was found, or no label has mentions in two periods: run "
                "<code>policylens trends</code> after tagging and fitting topics.</p>")
    intro = ("<p>Among which topics each label's mentions sit: each mention counts for the "
             "topics of its passage in proportion to the passage's topic shares. The topic "
             "holding most of them in the first and the last period (periods resting on fewer "
             f"than {THIN_DOCUMENTS} documents are passed over where others exist), with its "
             "95% interval, and the topic that gained most between them. Every topic and "
             "period is in <code>framing.csv</code>.</p>")
    rows = [(esc(f.label), _framing_end(f.first), _framing_end(f.last),
             f"{esc(f.gainer)} ({points(f.gain)} points)") for f in c.framing]
    table = _table(("label", "first period", "last period", "gained most"), rows,
                   attrs=' data-source="framing.csv"')
    return intro + table


def _q_text(s: Shift) -> str:
    return f", q = {s.q_value:.3f}" if s.q_value is not None else ""


def _shift_block(s: Shift) -> str:
    word = "rise" if s.change > 0 else "fall"
    thin = (f' <span class="thin badge">thin: {s.documents_from} and {s.documents_to} '
            "documents</span>" if s.thin else "")
    window = s.to_period if s.change > 0 else s.from_period
    drivers = "".join(_excerpt(x) for x in s.drivers) or "<p>No passages found.</p>"
    return (f'<section class="shift" aria-labelledby="shift-{s.topic}">'
            f'<h3 id="shift-{s.topic}">Topic {s.topic}: {esc(s.label)} — {word} of '
            f"{points(s.change)} points{thin}</h3>"
            f"<p>{pct(s.share_from)} of the passages' topic mix in {esc(s.from_period)} "
            f"({s.documents_from} documents), {pct(s.share_to)} in {esc(s.to_period)} "
            f"({s.documents_to} documents); 95% interval of the change {points(s.ci_low)} to "
            f"{points(s.ci_high)} points{_q_text(s)}.</p>"
            f"<h4>The passages that most drive it ({esc(window)})</h4>{drivers}</section>")


def _shifts(c: ReportContent) -> str:
    if not c.shifts:
        return "<p>Fewer than two periods hold passages: there is nothing to compare.</p>"
    beyond = [s for s in c.shifts if s.exceeds_noise]
    first = c.shifts[0]
    intro = (f"<p>How much of the debate each topic took up in {esc(first.from_period)} and in "
             f"{esc(first.to_period)}. A change is beyond noise when its q-value is below "
             "0.05 (its p-value, from shuffling documents between the two windows, corrected "
             "for comparing every topic in every group at once: Benjamini-Hochberg) and its "
             f"95% interval excludes zero; a comparison resting on fewer than "
             f"{THIN_DOCUMENTS} documents at either end is marked <span class=thin>thin</span>."
             f" {len(beyond)} of {len(c.shifts)} topics changed beyond noise.</p>")
    rows = [(esc(s.topic), esc(s.key), esc(s.label), pct(s.share_from), pct(s.share_to),
             points(s.change), points(s.ci_low), points(s.ci_high),
             "" if s.q_value is None else f"{s.q_value:.3f}",
             "yes" if s.exceeds_noise else "no", "thin" if s.thin else "") for s in c.shifts]
    table = _table(("topic", "key", "label", "share from", "share to", "change (points)",
                    "95% low", "95% high", "q-value", "beyond noise", "thin"), rows,
                   numeric=(0, 3, 4, 5, 6, 7, 8), attrs=' data-source="shifts.csv"')
    chart = (f'<figure aria-labelledby="shift-chart-caption"><figcaption id="shift-chart-caption">'
             f"Change in each topic's share, {esc(first.from_period)} to "
             f"{esc(first.to_period)}</figcaption>{shift_chart(c.shifts, 'shift-chart')}"
             f"<details><summary>The numbers behind this chart</summary>{table}</details>"
             "</figure>")
    blocks = "".join(_shift_block(s) for s in beyond)
    return intro + chart + blocks


def _topics(c: ReportContent) -> str:
    if not c.topics:
        return "<p>No topic model was found beside the store: run <code>policylens topics</code>.</p>"
    more = (f" The {len(c.topics)} largest of {c.n_topics} are shown; <code>topics.csv</code> "
            "has them all." if c.n_topics > len(c.topics) else "")
    rows = [(esc(t.topic), esc(t.key), esc(t.label), pct(t.share),
             "" if t.coherence is None else f"{t.coherence:.3f}", str(t.n_dominant),
             f'<span class="words">{esc(", ".join(t.top_words))}</span>') for t in c.topics]
    table = _table(("topic", "key", "label", "share", "coherence", "passages led",
                    "top words"), rows, numeric=(0, 3, 4, 5), attrs=' data-source="topics.csv"')
    out = [(f"<p>Topics are groups of words that occur together, found by the topic model; a "
            f"topic's share is its part of all passages' topic mix.{more}</p>"), table]
    if c.topic_trends:
        out.append(trend_figure(c.topic_trends, "topic-chart"))
    for t in c.topics:
        examples = "".join(_excerpt(x) for x in t.examples)
        out.append(f'<h3 id="topic-{t.topic}">Topic {t.topic}: {esc(t.label)} '
                   f"({pct(t.share)})</h3><p class=words>Top words: {esc(', '.join(t.top_words))}"
                   f"</p><details><summary>Example passages</summary>{examples}</details>")
    return "".join(out)


def _label_block(m: LabelMentions) -> str:
    names = _table(("name", "mentions", "passages", "first", "last"),
                   [(esc(n.name), f"{n.n:,}", f"{n.n_passages:,}", esc(n.first_date),
                     esc(n.last_date)) for n in m.names], numeric=(1, 2),
                   caption=f"The {MAX_NAMES} most frequent names")
    rows = []
    for k in m.examples:
        normal = esc(k.canonical) if k.canonical else (
            f"{k.amount:,.0f} {esc(k.currency)}" if k.amount is not None else "")
        rows.append((esc(k.date), f'<span class="left">{esc(k.left)}</span>',
                     f"<mark>{esc(k.mention)}</mark>", esc(k.right), normal,
                     f"{esc(k.document)}, p. {k.page}"))
    kwic = _table(("date", "before", "mention", "after", "canonical name or amount", "source"),
                  rows, caption="In context: the first mention of each frequent name"
                  + (" and the largest amounts" if any(k.amount for k in m.examples) else ""),
                  attrs=' class="kwic"')
    return (f'<h3 id="label-{esc(m.label.lower())}">{esc(m.label)} '
            f"({m.total:,} mentions)</h3>{names}{kwic if rows else ''}")


def _mentions(c: ReportContent) -> str:
    if not c.mentions:
        return "<p>No passage has been tagged: run <code>policylens tag</code>.</p>"
    intro = ("<p>What the tagger found, label by label: the names it saw most (canonical "
             f"names join spellings and brands), and up to {MAX_KWIC * 2} mentions in their "
             "context. <code>policylens mentions</code> lists every one.</p>")
    return intro + "".join(_label_block(m) for m in c.mentions)


def _reading(c: ReportContent) -> str:
    r = c.reading
    years = sorted({y for _k, y, *_ in r.by_kind_year if y})
    kinds = sorted({k for k, *_ in r.by_kind_year})
    count = {(k, y): n for k, y, n, *_ in r.by_kind_year}
    undated = any(y is None for _k, y, *_ in r.by_kind_year)
    cols = years + (["undated"] if undated else [])
    rows = []
    for k in kinds:
        cells = [str(count.get((k, y if y != "undated" else None), 0) or "") for y in cols]
        rows.append([esc(k)] + cells + [str(sum(n for (kk, _y), n in count.items() if kk == k))])
    rows.append(["all"] + [str(sum(n for (_k, y), n in count.items()
                                   if y == (c_ if c_ != "undated" else None)))
                           for c_ in cols] + [str(r.n_documents)])
    table = _table(["kind"] + [esc(y) for y in cols] + ["all"], rows,
                   numeric=tuple(range(1, len(cols) + 2)),
                   caption="Documents by kind and year", attrs=' data-source="store"')
    engines = ", ".join(f"{esc(e)}: {n}" for e, n in r.engines.items())
    out = [f"<p>{r.n_documents:,} documents ({r.n_pages:,} pages) gave {r.n_passages:,} "
           f"passages of {r.n_words:,} words, dated {esc(r.date_from or '-')} to "
           f"{esc(r.date_to or '-')}" + (f"; {r.n_undated} documents have no date and are left "
                                          "out of the trends" if r.n_undated else "")
           + f". Read with {engines or 'no engine'}.</p>", table]
    out.append("<h3 id=failures>Files not read</h3>")
    if r.n_failures:
        reasons = ", ".join(f"{esc(k)}: {n}" for k, n in r.failure_reasons.items())
        more = (f" The first {MAX_FAILURES} are listed; <code>policylens status</code> lists "
                "them all." if r.n_failures > len(r.failures) else "")
        out.append(f"<p>{r.n_failures} files were skipped ({reasons}).{more}</p>")
        out.append(_table(("file", "reason", "detail"),
                          [(esc(p), esc(reason), esc(d)) for p, reason, d in r.failures]))
    else:
        out.append("<p>Every file was read.</p>")
    out.append("<h3 id=pages-dropped>Pages dropped</h3>")
    if r.dropped_reasons:
        n_dropped = sum(r.dropped_reasons.values())
        reasons = ", ".join(f"{esc(k)}: {n}" for k, n in r.dropped_reasons.items())
        partial = (f" {r.n_partial} {'document is' if r.n_partial == 1 else 'documents are'} "
                   "partial: damaged, with pages (or the file's end) no reader could read."
                   if r.n_partial else "")
        out.append(f"<p>{n_dropped:,} pages or parts of pages were left out when the PDFs were "
                   f"read ({reasons}); the rest of each document was kept.{partial}</p>")
        out.append(_table(("document", "pages", "partial", "left out"),
                          [(esc(d), str(n), "yes" if p else "", esc(what))
                           for d, n, p, what in r.dropped], numeric=(1,),
                          attrs=' data-source="dropped_pages"'))
    if r.n_empty_pages:
        out.append(f"<p>{r.n_empty_pages:,} of {r.n_pages:,} pages kept no text after cleaning "
                   "(blank pages, images without a text layer, or only headers and page "
                   "numbers).</p>")
        out.append(_table(("document", "pages", "pages with no text"),
                          [(esc(d), str(n), str(e)) for d, n, e in r.empty_pages],
                          numeric=(1, 2)))
    elif not r.dropped_reasons:
        out.append(f"<p>None: every one of the {r.n_pages:,} pages was read and kept text.</p>")
    if r.notes:
        out.append(_table(("document", "how it was read"),
                          [(esc(d), esc(n)) for d, n in r.notes],
                          caption="Documents read with a note"))
    return "".join(out)


def _method(m: Method) -> str:
    engines = " and ".join(f"{esc(e)} ({n} documents)" for e, n in m.engines.items())
    parts = [(f"<p><strong>Reading.</strong> PDFs were read with {engines or 'no engine'}; "
              "columns, running headers and page numbers were removed, and the text was cut "
              "into passages at speaker turns and headings.</p>")]
    tagger = (f"<p><strong>Tagging.</strong> Mentions were found by the policylens tagger "
              f"(version <code>{esc(m.tagger_version or '-')}</code>), a spaCy pipeline of "
              "patterns and context rules for four labels.")
    if m.tagger_scores:
        micro = m.tagger_scores["micro"]
        tagger += (f" On {m.tagger_scores['n_samples']} labelled samples it was not tuned on "
                   f"(<code>{esc(m.tagger_scores.get('gold', ''))}</code>) it scores micro F1 "
                   f"{micro['lenient']['f1']:.3f} lenient (overlapping spans) and "
                   f"{micro['strict']['f1']:.3f} strict (exact spans).</p>")
        rows = [(esc(label), f"{s['strict']['f1']:.3f}", f"{s['lenient']['f1']:.3f}",
                 str(s['lenient']['tp'] + s['lenient']['fn']))
                for label, s in m.tagger_scores["per_label"].items()]
        rows.append(("micro", f"{micro['strict']['f1']:.3f}", f"{micro['lenient']['f1']:.3f}",
                     str(micro['lenient']['tp'] + micro['lenient']['fn'])))
        tagger += _table(("label", "strict F1", "lenient F1", "gold spans"), rows,
                         numeric=(1, 2, 3), caption="The tagger's measured F1")
    else:
        tagger += f" Its F1 was not measured here: {esc(m.tagger_note)}</p>"
    parts.append(tagger)
    if m.topic_method:
        name = {"nmf": "non-negative matrix factorisation (NMF) of tf-idf weights",
                "lda": "latent Dirichlet allocation (LDA) on word counts"}.get(
                    m.topic_method, esc(m.topic_method))
        guided = (f" Guided: one topic anchored to each of {esc(', '.join(m.anchors))} (the "
                  "passages that mention a label share its topic, whatever their words); the "
                  "others are free." if m.anchors else "")
        parts.append(f"<p><strong>Topics.</strong> {name}, k = {esc(m.k)} topics.{guided} "
                     f"{esc(m.k_reason)}</p>")
        if len(m.k_scores) > 1:
            parts.append("<details><summary>Coherence of every k tried</summary>" + _table(
                ("k", "coherence (NPMI)", "diversity", "chosen"),
                [(str(s["k"]), f"{s['coherence']:.4f}", f"{s['diversity']:.3f}",
                  "yes" if s.get("selected") else "") for s in m.k_scores],
                numeric=(0, 1, 2), attrs=' data-source="k_selection.csv"') + "</details>")
    boot = (f"{m.n_boot:,} replicates" if m.n_boot else "replicates (number not recorded)")
    parts.append(f"<p><strong>Trends.</strong> Values per {esc(m.by)}"
                 + (f", also by {esc(m.group)}" if m.group else "")
                 + f"; 95% intervals from a bootstrap of {boot} that resamples whole documents"
                 f" (the passages of one debate are not independent). Periods with fewer than "
                 f"{THIN_DOCUMENTS} documents are marked thin. Seed {esc(m.seed)}: the same "
                 "input and seed give the same numbers.</p>")
    if m.versions:
        parts.append('<p class="note">Library versions: '
                     + ", ".join(f"{esc(k)} {esc(v)}" for k, v in sorted(m.versions.items()))
                     + ".</p>")
    return "".join(parts)


def _reproduce(c: ReportContent) -> str:
    return (f"<p>From the folder that holds the store (<code>{esc(c.store)}</code>), with "
            "policylens installed:</p>"
            f"<pre><code>{esc(c.command)}</code></pre>"
            "<p>then <code>policylens report</code> writes this page again. Paths in this "
            "report are relative to that folder.</p>")


def render_page(c: ReportContent, title: str = "policylens report") -> str:
    """The whole page as a string."""
    bodies = {"summary": _summary(c), "themes": _themes(c), "framing": _framing(c),
              "shifts": _shifts(c),
              "topics": _topics(c), "mentions": _mentions(c), "reading": _reading(c),
              "method": _method(c.method), "reproduce": _reproduce(c)}
    nav = "".join(f'<li><a href="#{sid}">{esc(h)}</a></li>' for sid, h in SECTIONS)
    sections = "".join(f'<section id="{sid}" aria-labelledby="{sid}-h"><h2 id="{sid}-h">'
                       f"{esc(h)}</h2>{bodies[sid]}</section>" for sid, h in SECTIONS)
    missing = (f'<p class="note">Not found beside the store, so left out: '
               f'{esc(", ".join(c.missing))}.</p>' if c.missing else "")
    r = c.reading
    csp = ("default-src 'none'; img-src data:; "
           f"style-src {_csp_hash(STYLE)}; script-src {_csp_hash(PRINT_SCRIPT)}; "
           "base-uri 'none'; form-action 'none'")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(csp)}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="policylens {esc(__version__)}">'
        f"<title>{esc(title)}</title><style>{STYLE}</style></head><body>"
        f'<header class="top"><div><h1>{esc(title)}</h1><p>{r.n_documents:,} documents, '
        f"{esc(r.date_from or '-')} to {esc(r.date_to or '-')}; store "
        f"<code>{esc(c.store)}</code></p></div></header>"
        f'<main><nav aria-label="Sections"><ol>{nav}</ol></nav>{missing}{sections}</main>'
        f"<script>{PRINT_SCRIPT}</script></body></html>\n"
    )
