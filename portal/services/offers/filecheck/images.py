"""A PNG or JPEG is decoded with Pillow and stored re-encoded, without its metadata.

The image's size is read from its header and refused over the pixel limit before any pixel is
allocated; only then is it decoded in full (a truncated or fake image does not decode) and saved
again in its own format, upright (its EXIF orientation applied), with no EXIF, GPS or text.
"""

from __future__ import annotations

import io
import warnings

from PIL import Image, ImageOps

from portal.rules.messages import Message
from portal.services.errors import DomainError

JPEG_QUALITY = 90


def _unreadable() -> DomainError:
    return DomainError(Message.of("evidence.image_unreadable"), code="image_unreadable")


def reencode(data: bytes, *, fmt: str, max_pixels: int) -> bytes:
    """The image decoded and saved again as `fmt` ("PNG" or "JPEG") without metadata. Raises
    DomainError (no field): not a decodable image of that format, or over `max_pixels`."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data), formats=[fmt]) as image:
                width, height = image.size
                if width * height > max_pixels:
                    raise DomainError(
                        Message.of("evidence.image_too_large", mp=max_pixels // 1_000_000),
                        code="image_too_large")
                image.load()
                upright = ImageOps.exif_transpose(image)
                return _save(upright if upright is not None else image, fmt)
        except DomainError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise DomainError(Message.of("evidence.image_too_large", mp=max_pixels // 1_000_000),
                              code="image_too_large") from None
        except Exception:  # Pillow raises many kinds on a damaged or fake image
            raise _unreadable() from None


def _save(image: Image.Image, fmt: str) -> bytes:
    out = io.BytesIO()
    if fmt == "JPEG":
        if image.mode not in ("RGB", "L", "CMYK"):
            image = image.convert("RGB")
        image.save(out, "JPEG", quality=JPEG_QUALITY, exif=b"")
    else:
        options: dict[str, object] = {}
        if "transparency" in image.info:  # a palette or colour key, not metadata
            options["transparency"] = image.info["transparency"]
        image.save(out, "PNG", exif=b"", **options)
    return out.getvalue()
