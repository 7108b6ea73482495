"""Rows: the PDF renderer (database-independent: always a SQLite file with one submitted offer,
bench_pdf.fill).

- the app's render (portal.services.documents.render.html_to_pdf) vs plain WeasyPrint on the
  same HTML, with the same stylesheet parsed once, the same FontConfiguration and the same PDF
  variant (so the figure is what the app's wrapper costs): `opts.renders` pairs A/B, the
  median of the per-pair ratios; and the app's p95 / its median.
- a render worker's RSS (VmRSS) after `opts.rss_renders` renders vs after 10: a fresh process
  (`python -m bench.rows_pdf RSS_RENDERS URL OFFER_ID`) renders the confirmation, English and
  French in turn, from the template to the PDF, as a gunicorn worker does on a first download.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from contextlib import redirect_stdout
from pathlib import Path

from bench import bench_pdf
from bench.options import Options
from bench.run_table import AT_MOST, Row, failed_row, ratio_row
from bench.schema import rebuild_schema

RENDER = "PDF render vs plain WeasyPrint on the same HTML: median ratio"
TAIL = "PDF render: p95 / median"
RSS = "render worker RSS after {n:,} renders vs after 10"


def pdf_rows(opts: Options) -> list[Row]:
    url = f"sqlite:///{opts._tmp / 'render'}.sqlite"
    try:
        app = bench_pdf.build_app(url)
        with app.app_context(), redirect_stdout(sys.stderr):
            rebuild_schema()
            _email, offer_id = bench_pdf.fill()
            html = bench_pdf.confirmation_html(app, offer_id)
        rows = _render_rows(html, opts)
    except Exception as error:
        return [failed_row(RENDER, "<= 1.1", error), failed_row(TAIL, "<= 1.3", error),
                failed_row(RSS.format(n=opts.rss_renders), "<= 1.2", error)]
    try:
        rows.append(_rss_row(url, offer_id, opts))
    except Exception as error:
        rows.append(failed_row(RSS.format(n=opts.rss_renders), "<= 1.2", error))
    return rows


def _render_rows(html: str, opts: Options) -> list[Row]:
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    from portal.services.documents import render

    fonts = FontConfiguration()
    css = CSS(string=render.CSS_PATH.read_text(encoding="utf-8"), font_config=fonts)

    def plain() -> bytes:
        pdf: bytes = HTML(string=html).write_pdf(stylesheets=[css], font_config=fonts,
                                                 pdf_variant=render.PDF_VARIANT)
        return pdf

    for _ in range(2):  # warm-up: fonts, the app's engine
        render.html_to_pdf(html)
        plain()
    ratios, app_ms = [], []
    for _ in range(opts.renders):
        app_time = _timed(lambda: render.html_to_pdf(html))
        ratios.append(app_time / _timed(plain))
        app_ms.append(app_time * 1000)
    median = statistics.median(app_ms)
    p95 = sorted(app_ms)[min(len(app_ms) - 1, round(0.95 * (len(app_ms) - 1)))]
    note = f"app render median {median:.0f} ms over {opts.renders} pairs"
    return [ratio_row(RENDER, ratios, AT_MOST, 1.1, note=note),
            ratio_row(TAIL, [p95 / median], AT_MOST, 1.3,
                      note=f"p95 {p95:.0f} ms, median {median:.0f} ms")]


def _timed(fn) -> float:  # any callable
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _rss_row(url: str, offer_id: int, opts: Options) -> Row:
    import subprocess

    root = Path(__file__).resolve().parent.parent
    out = subprocess.run(
        [sys.executable, "-m", "bench.rows_pdf", str(opts.rss_renders), url, str(offer_id)],
        cwd=root, capture_output=True, text=True, check=True,
    ).stdout
    data = json.loads(out.strip().splitlines()[-1])
    return ratio_row(RSS.format(n=opts.rss_renders), [data["after"] / data["after_10"]],
                     AT_MOST, 1.2, note=f"{data['after_10'] // 1024} MiB -> "
                     f"{data['after'] // 1024} MiB")


def _rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def rss_worker(renders: int, url: str, offer_id: int) -> None:
    """The fresh process: render, read VmRSS after 10 and after `renders`; print JSON."""
    from portal.services.documents import render

    app = bench_pdf.build_app(url)
    after_10 = 0
    with app.app_context():
        for n in range(1, renders + 1):
            html = bench_pdf.confirmation_html(app, offer_id, "en" if n % 2 else "fr")
            render.html_to_pdf(html)
            if n == 10:
                after_10 = _rss_kib()
        print(json.dumps({"after_10": after_10, "after": _rss_kib()}))


if __name__ == "__main__":
    rss_worker(int(sys.argv[1]), sys.argv[2], int(sys.argv[3]))
