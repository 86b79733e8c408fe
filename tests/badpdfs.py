"""Builders for broken, hostile and unusual PDFs (each returns the path it wrote)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

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
