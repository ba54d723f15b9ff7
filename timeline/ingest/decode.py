"""Bytes to text: reject binary, empty and oversized input; detect the encoding; normalise."""

from __future__ import annotations

import codecs
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from charset_normalizer import CharsetMatch, CharsetMatches

DEFAULT_MAX_BYTES = 5 * 1024 * 1024

_MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class RejectedInput(ValueError):
    """An input that cannot become a document; the message says why."""


def size_error(size: int, max_bytes: int) -> str:
    """The reason given for a document above the size limit."""
    return f"file is {size / 1_048_576:.1f} MB, above the {max_bytes / 1_048_576:.1f} MB limit (raise it with --max-size)"


def decode_text(data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, str]:
    """Decode document bytes to NFC text with LF line ends; return (text, encoding)."""
    if not data:
        raise RejectedInput("empty file")
    if len(data) > max_bytes:
        raise RejectedInput(size_error(len(data), max_bytes))
    text, encoding = _decode(data)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise RejectedInput("empty file (only white space)")
    return text, encoding


def _decode(data: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.replace("-sig", "")
            except UnicodeDecodeError as error:
                raise RejectedInput(f"starts with a {encoding} byte-order mark but is not {encoding}: {error}") from None
    for magic, kind in _MAGIC_NUMBERS:
        if data.startswith(magic):
            raise RejectedInput(f"binary file ({kind}), not text")
    if b"\x00" in data[:8192]:
        unmarked = _utf16_without_bom(data)
        if unmarked is not None:
            return unmarked
        raise RejectedInput("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = _prefer_western(matches, matches.best())
    if best is None:
        raise RejectedInput("binary file or unknown encoding: no text encoding fits its bytes")
    text = str(best)
    if _control_share(text) > 0.05:
        raise RejectedInput("binary file: too many control characters for text")
    return text, best.encoding


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text without a byte-order mark: every other byte is NUL in Latin-script text."""
    sample = data[:8192]
    if len(sample) < 4 or len(sample) % 2:
        return None
    for encoding, zeros in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        if zeros.count(0) >= 0.9 * len(zeros):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            return (text, encoding) if _control_share(text) <= 0.05 else None
    return None


# Encodings preferred when charset-normalizer finds them as likely as its best guess:
# short Western-European texts fit several single-byte code pages equally well.
PREFERRED_ENCODINGS = ("cp1252", "latin_1", "iso8859_15")
_TIE = 0.01


def _prefer_western(matches: CharsetMatches, best: CharsetMatch | None) -> CharsetMatch | None:
    if best is None:
        return None
    for encoding in PREFERRED_ENCODINGS:
        for match in matches:
            if match.encoding == encoding and match.chaos <= best.chaos + _TIE:
                return match
    return best


def _control_share(text: str) -> float:
    sample = text[:8192]
    if not sample:
        return 0.0
    controls = sum(1 for char in sample if unicodedata.category(char) == "Cc" and char not in "\n\r\t\f")
    return controls / len(sample)
