"""The report in a real browser: headless Chromium at desktop and phone widths.

Skips only where no Chromium is installed (`.ci/run` installs Debian's chromium package).
"""

from __future__ import annotations

import pytest

from browser import Browser, find_chromium, png_is_blank

pytestmark = pytest.mark.slow  # a headless Chromium

DESKTOP = (1280, 900)
PHONE = (390, 844)


@pytest.fixture(scope="module")
def browser():
    executable = find_chromium()
    if executable is None:
        pytest.skip("no Chromium to render the report in: install it (Debian: apt-get install "
                    "chromium) or set POLICYLENS_CHROMIUM to its path")
    with Browser(executable) as b:
        yield b


@pytest.mark.parametrize("width,height,mobile", [(*DESKTOP, False), (*PHONE, True)],
                         ids=["desktop", "phone"])
def test_report_renders_cleanly(browser, bundled_run, tmp_path, width, height, mobile):
    page = browser.render((bundled_run / "report.html").as_uri(), width, height,
                          mobile=mobile, full_page=True)
    shot = tmp_path / f"report-{width}.png"
    shot.write_bytes(page.png)
    assert page.png.startswith(b"\x89PNG") and not png_is_blank(page.png)
    assert page.errors == [], page.errors
    assert page.text_length > 5000  # the page has its content, not an error page
    assert page.charts >= 5  # four label panels and the shift chart, drawn at a usable size
    assert page.scroll_width <= page.client_width == width, (page.scroll_width, page.wide)
    assert page.wide == [], page.wide


def test_the_page_reads_the_same_with_scripts_off(browser, bundled_run):
    url = (bundled_run / "report.html").as_uri()
    on = browser.render(url, *PHONE, mobile=True)
    off = browser.render(url, *PHONE, mobile=True, scripts=False)
    assert off.text_length == on.text_length > 5000
    assert off.charts == on.charts and off.tables == on.tables
    assert off.scroll_width <= off.client_width


def test_printing_shows_the_numbers_behind_the_charts(browser, bundled_run):
    """On screen the charts' tables are folded away; the print stylesheet unfolds them."""
    url = (bundled_run / "report.html").as_uri()
    screen = browser.render(url, *DESKTOP)
    printed = browser.render(url, *DESKTOP, media="print")
    assert screen.hidden_tables > 0
    assert printed.hidden_tables == 0 and printed.tables == screen.tables
    assert printed.errors == []


def test_blank_and_broken_pages_are_caught(browser, tmp_path):
    """The checks above can fail: a blank page and one with a script error are reported."""
    blank = tmp_path / "blank.html"
    blank.write_text("<!DOCTYPE html><html><body></body></html>", encoding="utf-8")
    page = browser.render(blank.as_uri(), *PHONE, mobile=True)
    assert png_is_blank(page.png) and page.text_length == 0
    broken = tmp_path / "broken.html"
    broken.write_text('<!DOCTYPE html><meta name="viewport" content="width=device-width">'
                      '<div style="width:900px">wide</div><script>console.error("bad");'
                      "undefinedFunction()</script>", encoding="utf-8")
    page = browser.render(broken.as_uri(), *PHONE, mobile=True)
    assert len(page.errors) == 2, page.errors
    assert page.scroll_width > page.client_width and page.wide
