"""Decoding refuses binary, empty and oversized input and reads common encodings."""

from __future__ import annotations

import pytest

from timeline.ingest.decode import RejectedInput, decode_text

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t ", "empty file"),
        (PNG, "PNG"),
        (b"abc\x00def\x00", "NUL"),
    ],
)
def test_refuses_with_reason(data: bytes, reason: str) -> None:
    with pytest.raises(RejectedInput, match=reason):
        decode_text(data)


def test_refuses_oversized() -> None:
    with pytest.raises(RejectedInput, match="above the 0.0 MB limit|above the"):
        decode_text(b"x" * 2000, max_bytes=1000)


def test_reads_windows_1252() -> None:
    text = "Russia’s “war” – a café in Zürich costs €5 for Müller."
    assert decode_text(text.encode("cp1252"))[0] == text


def test_reads_utf16_with_bom() -> None:
    text = "Kremlin recruits migrants — June 2024"
    decoded, encoding = decode_text(text.encode("utf-16"))
    assert (decoded, encoding) == (text, "utf-16")


def test_normalises_to_nfc_and_lf() -> None:
    assert decode_text("Cafe\u0301\r\nline".encode())[0] == "Café\nline"
