"""Headless Chromium driven over the DevTools protocol through a pipe (no extra packages).

Chromium's ``--remote-debugging-pipe`` reads protocol messages from file descriptor 3 and
writes them to 4, each a JSON object ended by a NUL byte: the same protocol Puppeteer uses,
without a websocket. ``render`` loads a page at a given width and returns what the tests
check: a screenshot, the console's errors, and the page's measured width and content.

Also a script: ``python tests/browser.py REPORT.html OUT.png [WIDTH]`` takes the screenshot
the README shows.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# The flags that work in a container without a display, GPU or network.
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio")
TIMEOUT_S = 60.0

MEASURE = """(() => {
  const doc = document.documentElement;
  const wide = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.right > doc.clientWidth + 1 && !el.closest('.scroll, pre')) {
      wide.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
                (el.className && el.className.baseVal === undefined ? '.' + el.className : ''));
    }
  }
  return {scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth,
          scrollHeight: doc.scrollHeight, textLength: document.body.innerText.length,
          charts: Array.from(document.querySelectorAll('svg.chart'))
                       .filter(s => s.getBoundingClientRect().width > 100).length,
          hiddenTables: Array.from(document.querySelectorAll('table'))
                             .filter(t => !t.checkVisibility()).length,
          tables: document.querySelectorAll('table').length,
          wide: wide.slice(0, 10)};
})()"""


def find_chromium() -> str | None:
    """The path of a Chromium (or Chrome) executable, or None."""
    env = os.environ.get("POLICYLENS_CHROMIUM")
    if env:
        return env if Path(env).exists() else None
    return next(filter(None, map(shutil.which, CHROMIUM_NAMES)), None)


@dataclass
class Rendered:
    """What a page looked like at one width."""

    png: bytes
    errors: list[str]
    scroll_width: int
    client_width: int
    scroll_height: int
    text_length: int
    charts: int
    wide: list[str] = field(default_factory=list)
    tables: int = 0
    hidden_tables: int = 0  # inside closed <details>, unless printing opens them


class Browser:
    """One headless Chromium; use as a context manager."""

    def __init__(self, executable: str) -> None:
        self._profile = tempfile.mkdtemp(prefix="policylens-chromium-")
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()

        def wire_fds() -> None:  # in the child: the protocol's descriptors 3 and 4
            # Moved out of the way first: a pipe may already sit on 3 or 4.
            read_end, write_end = os.dup(to_child_r), os.dup(from_child_w)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)

        self._proc = subprocess.Popen(
            [executable, *CHROMIUM_FLAGS, "--remote-debugging-pipe",
             f"--user-data-dir={self._profile}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            # preexec_fn is unsafe with threads; the tests start browsers from one thread.
            preexec_fn=wire_fds, close_fds=False)  # noqa: PLW1509
        os.close(to_child_r)
        os.close(from_child_w)
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict] = []

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        try:
            self.send("Browser.close")
        except (OSError, RuntimeError, TimeoutError):
            pass
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        for fd in (self._to_child, self._from_child):
            try:
                os.close(fd)
            except OSError:
                pass
        if self._proc.stderr:
            self._proc.stderr.close()
        shutil.rmtree(self._profile, ignore_errors=True)

    # -- the protocol ----------------------------------------------------------------------
    def _read_message(self, deadline: float) -> dict:
        import select

        while b"\0" not in self._buffer:
            if not select.select([self._from_child], [], [], max(0.0, deadline - time.time()))[0]:
                raise TimeoutError("Chromium did not answer in time")
            chunk = os.read(self._from_child, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the protocol pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def send(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        """Call a protocol method and return its result (events that arrive are kept)."""
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_child, json.dumps(message).encode() + b"\0")
        deadline = time.time() + TIMEOUT_S
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self._events.append(reply)

    def wait_for(self, event: str, session: str) -> dict:
        """The next event of this name in this session (earlier ones first)."""
        deadline = time.time() + TIMEOUT_S
        while True:
            for i, e in enumerate(self._events):
                if e.get("method") == event and e.get("sessionId") == session:
                    return self._events.pop(i)
            self._events.append(self._read_message(deadline))

    # -- pages -----------------------------------------------------------------------------
    def render(self, url: str, width: int, height: int = 900, *, mobile: bool = False,
               full_page: bool = False, media: str = "", scripts: bool = True) -> Rendered:
        """Load ``url`` in a fresh tab of this width; screenshot, console errors, measures.

        ``media`` "print" lays the page out with its print stylesheet; ``scripts`` False
        loads it with JavaScript off (the measures are taken all the same)."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget",
                            {"targetId": target, "flatten": True})["sessionId"]
        try:
            for domain in ("Page", "Runtime", "Log"):
                self.send(f"{domain}.enable", session=session)
            self.send("Emulation.setDeviceMetricsOverride",
                      {"width": width, "height": height, "deviceScaleFactor": 1,
                       "mobile": mobile}, session)
            self.send("Emulation.setEmulatedMedia", {"media": media}, session)
            if not scripts:
                self.send("Emulation.setScriptExecutionDisabled", {"value": True}, session)
            self._events.clear()
            self.send("Page.navigate", {"url": url}, session)
            self.wait_for("Page.loadEventFired", session)
            measured = self.send("Runtime.evaluate", {"expression": MEASURE,
                                                      "returnByValue": True},
                                 session)["result"]["value"]
            shot = {"format": "png"}
            if full_page:
                shot.update(captureBeyondViewport=True, clip={
                    "x": 0, "y": 0, "width": width, "height": measured["scrollHeight"],
                    "scale": 1})
            png = base64.b64decode(self.send("Page.captureScreenshot", shot, session)["data"])
            errors = [_describe(e) for e in self._events
                      if e.get("sessionId") == session and _is_error(e)]
            return Rendered(png, errors, measured["scrollWidth"], measured["clientWidth"],
                            measured["scrollHeight"], measured["textLength"],
                            measured["charts"], measured["wide"], measured["tables"],
                            measured["hiddenTables"])
        finally:
            self.send("Target.closeTarget", {"targetId": target})


def _is_error(event: dict) -> bool:
    method, params = event.get("method"), event.get("params", {})
    if method == "Runtime.exceptionThrown":
        return True
    if method == "Runtime.consoleAPICalled":
        return params.get("type") in ("error", "assert")
    if method == "Log.entryAdded":
        return params.get("entry", {}).get("level") == "error"
    return False


def _describe(event: dict) -> str:
    params = event.get("params", {})
    if "entry" in params:
        return f"{params['entry'].get('source')}: {params['entry'].get('text')}"
    if "exceptionDetails" in params:
        return json.dumps(params["exceptionDetails"])[:500]
    return json.dumps(params.get("args", []))[:500]


def png_is_blank(png: bytes) -> bool:
    """True when a PNG screenshot (8-bit RGB or RGBA) is one colour all over."""
    import struct
    import zlib

    pos, idat, width = 8, b"", 0
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        data = png[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, _h, _depth, colour = struct.unpack(">IIBB", data[:10])
            channels = {2: 3, 6: 4}.get(colour, 1)
        elif kind == b"IDAT":
            idat += data
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels + 1
    # Rows are compared as stored (filtered): a one-colour image's rows are all alike (the
    # first may differ, filtered against nothing), a page with anything on it has many.
    rows = {raw[i:i + stride] for i in range(0, len(raw), stride)}
    return len(rows) <= 2


def main(argv: list[str]) -> int:
    """Screenshot a report for the README: REPORT.html OUT.png [WIDTH [HEIGHT]]."""
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    report, out = Path(argv[0]).resolve(), Path(argv[1])
    width = int(argv[2]) if len(argv) > 2 else 1280
    height = int(argv[3]) if len(argv) > 3 else 1400
    executable = find_chromium()
    if executable is None:
        print("no Chromium found: install Debian's chromium package", file=sys.stderr)
        return 1
    with Browser(executable) as browser:
        page = browser.render(report.as_uri(), width, height)
    out.write_bytes(page.png)
    print(f"{out}: {width}x{height}, console errors: {len(page.errors)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
