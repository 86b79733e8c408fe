"""Builders for broken, hostile and unusual PDFs (each returns the path it wrote)."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from conftest import load_pdfgen

TEXT = ("The committee heard evidence on gene therapy costs and the workforce needed to "
        "deliver advanced therapies in specialist centres across the country.")


def _text_pdf_bytes(**canvas_kwargs) -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1, **canvas_kwargs)
    for page in range(2):
        text = c.beginText(72, 770)
        text.setFont("Helvetica", 11)
        for i in range(30):
            text.textLine(f"{TEXT[:70]} {page}-{i}")
        c.drawText(text)
        c.showPage()
    c.save()
    return buf.getvalue()


def zero_byte(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def html_page(path: Path) -> Path:
    path.write_text("<!DOCTYPE html><html><body><h1>Not found</h1></body></html>")
    return path


def zip_archive(path: Path) -> Path:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("a.txt", "hello")
    path.write_bytes(buf.getvalue())
    return path


def png_image(path: Path) -> Path:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (20, 20), "white").save(buf, format="PNG")
    path.write_bytes(buf.getvalue())
    return path


def corrupt_bytes(path: Path) -> Path:
    """A PDF header followed by noise."""
    import random

    rng = random.Random(7)
    path.write_bytes(b"%PDF-1.4\n" + bytes(rng.randrange(256) for _ in range(4000)))
    return path


def truncated(path: Path, fraction: float = 0.5) -> Path:
    data = _text_pdf_bytes()
    path.write_bytes(data[: int(len(data) * fraction)])
    return path


def encrypted(path: Path, user_password: str = "secret") -> Path:
    from reportlab.lib.pdfencrypt import StandardEncryption

    enc = StandardEncryption(user_password, ownerPassword="owner-" + user_password, strength=128)
    path.write_bytes(_text_pdf_bytes(encrypt=enc))
    return path


def image_only(path: Path) -> Path:
    """A 'scanned' page: one image, no text layer."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    img = Image.new("L", (200, 100), 255)
    for x in range(20, 180):
        img.putpixel((x, 50), 0)
    c = canvas.Canvas(str(path), invariant=1)
    c.drawImage(ImageReader(img), 72, 500, width=400, height=200)
    c.showPage()
    c.save()
    return path


def plain_text_pdf(path: Path) -> Path:
    path.write_bytes(_text_pdf_bytes())
    return path


# -- hand-written PDFs ----------------------------------------------------------------------
# The builders below write PDF syntax directly: the hostile structures they need (shared
# content streams, reference loops, deep nesting, decompression bombs, fonts without a
# Unicode map) cannot be made with reportlab.

_WORDS = (
    "access budget capacity centre clinical commissioning cost delivery evidence funding "
    "gene government health hospital innovation licence manufacturing medicine minister "
    "nurse patient pathway regulator research scientist service specialist therapy training "
    "treatment value waiting workforce"
).split()


# Hand-written objects are serialised by the corpus writer's one PDF assembler.
_pdf = load_pdfgen().pdf_bytes


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def _text_ops(lines: list[str], font: bytes = b"/F1", size: int = 11) -> bytes:
    body = b"".join(b"(%s) Tj T*\n" % line.encode("latin-1") for line in lines)
    return b"BT %s %d Tf 14 TL 72 770 Td\n%sET" % (font, size, body)


def _sentences(rng, n: int, words: int = 11) -> list[str]:
    return [" ".join(rng.choice(_WORDS) for _ in range(words)).capitalize() + "."
            for _ in range(n)]


_HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
_PAGE = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
         b"/Resources << /Font << /F1 3 0 R >> >> >>")


def simple_text_pdf(
    path: Path, pages: int = 2, seed: int = 0, lines: int = 8, words: int = 11
) -> Path:
    """A plain, valid hand-written PDF with ``lines`` sentences of English on each page."""
    import random

    rng = random.Random(seed)
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", _HELVETICA]
    kids = []
    for _ in range(pages):
        kids.append(len(objects) + 1)
        objects.append(_PAGE % (len(objects) + 2))
        objects.append(_stream(_text_ops(_sentences(rng, lines, words))))
    objects[1] = b"<< /Type /Pages /Count %d /Kids [%s] >>" % (
        pages, b" ".join(b"%d 0 R" % k for k in kids))
    path.write_bytes(_pdf(objects))
    return path


def many_pages(path: Path, pages: int = 3000, seed: int = 0) -> Path:
    """Thousands of pages written in well under a second, each with a short line of its own."""
    return simple_text_pdf(path, pages=pages, seed=seed, lines=1, words=5)


def broken_xref(path: Path, how: str = "startxref") -> Path:
    """A reportlab PDF whose cross-reference data is wrong but repairable by a scan.

    ``how``: "startxref" points the startxref offset at nonsense; "offsets" shifts every
    xref entry; "missing" deletes the xref table and trailer offset entirely.
    """
    import re

    data = _text_pdf_bytes()
    if how == "startxref":
        data = re.sub(rb"startxref\s+\d+", b"startxref\n999999", data)
    elif how == "offsets":
        data = re.sub(rb"(\d{10}) 00000 n", lambda m: b"%010d 00000 n" % (int(m[1]) + 7), data)
    elif how == "missing":
        start = data.rindex(b"\nxref\n") + 1
        trailer = data.index(b"trailer", start)
        data = data[:start] + data[trailer:]
        data = re.sub(rb"startxref\s+\d+", b"startxref\n0", data)
    else:
        raise ValueError(how)
    path.write_bytes(data)
    return path


def deeply_nested(path: Path, depth: int = 100_000) -> Path:
    """A page object holding an array and a dictionary each nested ``depth`` levels deep."""
    import random

    deep = b"[" * depth + b"]" * depth + b" " + b"<< /A " * depth + b"1" + b" >>" * depth
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Count 1 /Kids [4 0 R] >>", _HELVETICA,
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R "
               b"/Resources << /Font << /F1 3 0 R >> >> /Deep [" + deep + b"] >>",
               _stream(_text_ops(_sentences(random.Random(1), 8)))]
    path.write_bytes(_pdf(objects))
    return path


def parent_loop(path: Path) -> Path:
    """A page tree whose Kids lead back to its own root (and a page whose Parent is itself)."""
    import random

    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Count 2 /Kids [4 0 R 6 0 R] >>", _HELVETICA,
               _PAGE % 5, _stream(_text_ops(_sentences(random.Random(2), 8))),
               b"<< /Type /Pages /Parent 6 0 R /Count 1 /Kids [2 0 R 6 0 R 7 0 R] >>",
               b"<< /Type /Page /Parent 7 0 R /MediaBox [0 0 595 842] /Contents 5 0 R "
               b"/Resources << /Font << /F1 3 0 R >> >> >>"]
    path.write_bytes(_pdf(objects))
    return path


def self_reference(path: Path) -> Path:
    """Objects that are references to themselves, used where a page needs real values."""
    import random

    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Count 1 /Kids [4 0 R] >>", _HELVETICA,
               b"<< /Type /Page /Parent 2 0 R /MediaBox 6 0 R /Contents 5 0 R "
               b"/Resources 7 0 R >>",
               _stream(_text_ops(_sentences(random.Random(3), 8))),
               b"6 0 R", b"8 0 R", b"7 0 R"]
    path.write_bytes(_pdf(objects))
    return path


def _zlib_zeros(size: int) -> bytes:
    """zlib data inflating to ``size`` zero bytes, built without ever holding them."""
    import zlib

    chunk = 1 << 20
    comp = zlib.compressobj(9)
    first = comp.compress(bytes(chunk)) + comp.flush(zlib.Z_FULL_FLUSH)
    # After a full flush the compressor starts afresh, so every further chunk compresses to
    # the same bytes; the zlib header is the first two bytes of the first block.
    again = comp.compress(bytes(chunk)) + comp.flush(zlib.Z_FULL_FLUSH)
    end = comp.flush()  # final empty block + adler32 of two chunks; replaced below
    n = size // chunk
    adler = ((n * chunk) % 65521) << 16 | 1  # adler32 of n*chunk zero bytes
    return first + again * (n - 1) + end[:-4] + adler.to_bytes(4, "big")


def zip_bomb(path: Path, inflated_gb: float = 4.0) -> Path:
    """A page whose content stream is a few MB of zlib that inflates to gigabytes of zeros."""
    data = _zlib_zeros(int(inflated_gb * (1 << 30)))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Count 1 /Kids [4 0 R] >>", _HELVETICA, _PAGE % 5,
               _stream(data, b"/Filter /FlateDecode ")]
    path.write_bytes(_pdf(objects))
    return path


def _type3_font(differences: bytes) -> bytes:
    widths = b" ".join([b"500"] * 95)
    return (b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 500 700] "
            b"/FontMatrix [0.001 0 0 0.001 0 0] /CharProcs 6 0 R /Resources << >> "
            b"/Encoding << /Type /Encoding /Differences [32 " + differences + b"] >> "
            b"/FirstChar 32 /LastChar 126 /Widths [" + widths + b"] >>")


def unmapped_font(path: Path, scrambled: bool = False) -> Path:
    """Text in a font that gives no way back to Unicode, as from many embedded subset fonts.

    By default a composite font (Identity-H, two-byte glyph ids) with no ToUnicode map: text
    extracts as "(cid:N)". With ``scrambled``, a Type3 font whose glyph names are the wrong
    letters, so the text extracts as consonant soup.
    """
    import random
    import string

    rng = random.Random(4)
    lines = _sentences(rng, 20)
    if scrambled:
        # The codes and the glyph names agree, but both are a substitution of the letters
        # drawn: every reader, whether it trusts codes or names, gets consonant soup.
        consonants = "bcdfghjklmnpqrstvwxz"
        cipher = str.maketrans(string.ascii_lowercase + string.ascii_uppercase,
                               "".join(rng.choice(consonants) for _ in range(26))
                               + "".join(rng.choice(consonants.upper()) for _ in range(26)))
        lines = [line.translate(cipher) for line in lines]
        names = [b"/space" if c == 32 else b"/" + chr(c).encode() if chr(c).isalpha()
                 else b"/period" for c in range(32, 127)]
        procs = b"<< " + b" ".join(b"%s 7 0 R" % n for n in sorted(set(names))) + b" >>"
        font, extra = _type3_font(b" ".join(names)), [
            procs, _stream(b"500 0 0 0 500 700 d1 0 0 500 700 re f")]
        content = _text_ops(lines)
    else:
        font = (b"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Hidden /Encoding /Identity-H "
                b"/DescendantFonts [6 0 R] >>")
        extra = [b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Hidden "
                 b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                 b"/FontDescriptor 7 0 R /DW 500 >>",
                 b"<< /Type /FontDescriptor /FontName /ABCDEF+Hidden /Flags 4 "
                 b"/FontBBox [0 0 500 700] /ItalicAngle 0 /Ascent 700 /Descent 0 "
                 b"/CapHeight 700 /StemV 80 >>"]
        # Glyph ids are the letters' codes shifted, as a subset font numbers its glyphs.
        body = b"".join(b"<%s> Tj T*\n" % "".join(f"{ord(ch) - 29:04X}" for ch in line).encode()
                        for line in lines)
        content = b"BT /F1 11 Tf 14 TL 72 770 Td\n" + body + b"ET"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Count 1 /Kids [4 0 R] >>", font, _PAGE % 5,
               _stream(content), *extra]
    path.write_bytes(_pdf(objects))
    return path


def cut_inside_stream(source: Path, path: Path, index: int) -> Path:
    """``source`` cut short halfway through its ``index``-th stream (from 0), as a download
    that stopped: the objects before it are whole, the rest (and the trailer) are gone."""
    import re

    data = source.read_bytes()
    starts = [m.end() for m in re.finditer(rb"(?<!end)stream\r?\n", data)]
    ends = [m.start() for m in re.finditer(rb"endstream", data)]
    path.write_bytes(data[: (starts[index] + ends[index]) // 2])
    return path


def splice_halves(first: Path, second: Path, path: Path) -> Path:
    """The first half of one PDF's bytes followed by the second half of another's."""
    a, b = first.read_bytes(), second.read_bytes()
    path.write_bytes(a[: len(a) // 2] + b[len(b) // 2:])
    return path


def bad_page_object(path: Path) -> Path:
    """A page tree whose only page is an object that does not parse."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>", b"<< /Type /Page /MediaBox >>"]
    path.write_bytes(_pdf(objects))
    return path


# -- running the command in its own process --------------------------------------------------
POLICYLENS = [sys.executable, "-c", "from policylens.cli import cli; cli(prog_name='policylens')"]


# Runs the command and writes the largest resident size of it and its workers to argv[1]. A
# process forked from pytest would report pytest's own size (Linux carries the high-water mark
# over fork and exec), so the measure is taken here, in a small process of its own.
_MEASURE = """
import resource, subprocess, sys
code = subprocess.call(sys.argv[2:])
with open(sys.argv[1], "w") as fh:
    fh.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
sys.exit(code if code >= 0 else 128 - code)
"""


def run_policylens(*args, timeout: float = 120, **popen) -> subprocess.CompletedProcess:
    """Run ``policylens ARGS`` in a new process group and check it leaves no process behind.

    A worker that outlived the command (past its time limit, say) would still be in the group.
    The result also has ``peak_rss_mb``: the most memory the command or any of its worker
    processes held.
    """
    with tempfile.TemporaryDirectory() as folder:
        rss = Path(folder) / "rss"
        proc = subprocess.Popen([sys.executable, "-c", _MEASURE, str(rss), *POLICYLENS,
                                 *map(str, args)], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, start_new_session=True,
                                **popen)
        try:
            out, err = proc.communicate(timeout=timeout)
        finally:
            survivors = group_alive(proc.pid)
            if proc.poll() is None or survivors:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        assert not survivors, f"processes left behind by policylens {args}"
        result = subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
        result.peak_rss_mb = int(rss.read_text()) / 1024
    return result


def group_alive(pgid: int) -> bool:
    """True while any process of the process group ``pgid`` exists (zombies aside)."""
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return bool(group_members(pgid))  # killpg succeeds on zombies too


def process_stat(pid: int) -> list[str] | None:
    """The fields of /proc/PID/stat after the command name, or None when there is no such
    process. fields[0] is the state ("Z" for a zombie), [1] the parent, [2] the process group
    and [19] the start time (with the pid, it names one process even when pids are reused)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat.rsplit(")", 1)[1].split()


def process_stats():
    """(pid, :func:`process_stat` fields) of every process, from /proc."""
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            fields = process_stat(int(entry.name))
            if fields is not None:
                yield int(entry.name), fields


def group_members(pgid: int) -> list[int]:
    """The live (not zombie) processes of a process group, from /proc."""
    return [pid for pid, fields in process_stats() if fields[0] != "Z" and int(fields[2]) == pgid]
