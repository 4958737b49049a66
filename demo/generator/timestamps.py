"""Rendering UTC instants as ISO-8601 text in mixed styles and offsets."""

import random
from datetime import datetime

from demo.generator.catalogues import REGION_OFFSETS, TS_STYLES
from demo.generator.helpers import minutes, weighted


def format_offset(offset_minutes: int) -> str:
    sign = "+" if offset_minutes >= 0 else "-"
    total = abs(offset_minutes)
    return f"{sign}{total // 60:02d}:{total % 60:02d}"


def parse_offset(text: str) -> int:
    sign = -1 if text.startswith("-") else 1
    hh, mm = text[1:].split(":")
    return sign * (int(hh) * 60 + int(mm))


def render_ts(rng: random.Random, ts: datetime, region: str, style: str | None = None) -> str:
    """A UTC instant as ISO-8601 text in a random (or the given) style; offsets are
    applied so the text still denotes the same instant."""
    style = style or weighted(rng, TS_STYLES)
    if style == "z":
        return render_z(ts)
    if style == "space":
        return ts.isoformat(" ", "seconds")
    if style == "ms":
        return ts.isoformat("T", "seconds") + f".{rng.randint(0, 999):03d}Z"
    offset = rng.choice(REGION_OFFSETS[region]) if style == "offset" else parse_offset(style)
    local = ts + minutes(offset)
    return local.isoformat("T", "seconds") + format_offset(offset)


def render_z(ts: datetime) -> str:
    """ISO-8601 with Z (isoformat is much faster than strftime and gives the same text for
    naive datetimes of years 1000-9999)."""
    return ts.isoformat("T", "seconds") + "Z"
