"""decode(): encodings, line endings and refusals, with invented bytes."""
from __future__ import annotations

import pytest

from articles.text.decode import DecodeError, decode

PAGE = "桃源县召开春耕生产推进会\n\n５月３日上午，会议召开。\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (PAGE.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + PAGE.encode("utf-8"), "utf-8-sig"),
        (PAGE.encode("gb18030"), "gb18030"),
        (PAGE.encode("gbk"), "gb18030"),
    ],
)
def test_encodings(data: bytes, encoding: str) -> None:
    decoded = decode(data)
    assert decoded.encoding == encoding
    assert decoded.text == PAGE


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_line_endings_become_lf(newline: str) -> None:
    data = ("\ufeff" + PAGE.replace("\n", newline)).encode("utf-8")
    decoded = decode(data)
    assert decoded.encoding == "utf-8-sig"
    assert decoded.text == PAGE
    assert "\r" not in decoded.text


def test_gb18030_with_crlf() -> None:
    decoded = decode(PAGE.replace("\n", "\r\n").encode("gb18030"))
    assert decoded.text == PAGE


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "文件为空"),
        (b"  \n\r\n\t", "只有空白"),
        (b"%PDF-1.4\x00\x01\x02binary", "NUL 字节"),
        (bytes(range(1, 32)) * 4 + "正文".encode(), "控制字符"),
        (b"\xff\xfe\xfa\xfb\x80", "无法按 UTF-8 或 GB18030 解码"),
        ("\ufeff".encode("utf-8") + b"\xff\xfe", "无法按 UTF-8 或 GB18030 解码"),
    ],
)
def test_refusals_say_why(data: bytes, words: str) -> None:
    with pytest.raises(DecodeError) as info:
        decode(data)
    assert words in info.value.reason
    assert str(info.value) == info.value.reason


def test_full_width_text_is_not_normalised() -> None:
    text = "（上接第１版）２０２０年５月，ＡＢＣ。"
    assert decode(text.encode("utf-8")).text == text


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_read(codec: str) -> None:
    # "utf-16"/"utf-32" write the mark themselves; the -le/-be codecs need it added.
    data = ("\ufeff" if codec.endswith(("le", "be")) else "") + PAGE.replace("\n", "\r\n")
    decoded = decode(data.encode(codec))
    assert decoded.text == PAGE
    assert decoded.encoding == ("utf-32" if codec == "utf-32" else "utf-16")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_mark_is_named_not_called_binary(codec: str) -> None:
    with pytest.raises(DecodeError) as info:
        decode(PAGE.encode(codec))
    assert "UTF-16" in info.value.reason
    assert "binary" not in info.value.reason and "二进制" not in info.value.reason
