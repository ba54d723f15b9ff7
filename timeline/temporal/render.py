"""Mentions as a terminal table, as JSON or as TimeML-annotated text."""

from __future__ import annotations

import json

from timeline.domain import Mention


def mention_dict(mention: Mention) -> dict[str, object]:
    """Every field of a mention, dates as ISO text."""
    return {
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "type": mention.type,
        "value": mention.value,
        "mod": mention.mod,
        "earliest": mention.earliest.isoformat() if mention.earliest else None,
        "latest": mention.latest.isoformat() if mention.latest else None,
        "granularity": mention.granularity,
        "anchor": mention.anchor,
        "rule": mention.rule,
    }


def as_json(mentions: list[Mention]) -> str:
    """A JSON array of mentions."""
    return json.dumps([mention_dict(mention) for mention in mentions], ensure_ascii=False, indent=2)


def as_timeml(text: str, mentions: list[Mention]) -> str:
    """The text with each mention wrapped in a TIMEX3 element."""
    from xml.sax.saxutils import escape, quoteattr  # only here: it brings urllib along
    out: list[str] = []
    position = 0
    for number, mention in enumerate(mentions, 1):
        out.append(escape(text[position : mention.start]))
        attributes = f'tid="t{number}" type="{mention.type}" value={quoteattr(mention.value)}'
        if mention.mod:
            attributes += f' mod="{mention.mod}"'
        out.append(f"<TIMEX3 {attributes}>{escape(mention.text)}</TIMEX3>")
        position = mention.end
    out.append(escape(text[position:]))
    return "<TimeML>\n<TEXT>" + "".join(out) + "</TEXT>\n</TimeML>"


def as_table(text: str, mentions: list[Mention], width: int = 40) -> str:
    """One row per mention: its context with the mention bracketed, value, mod, interval, anchor and rule."""
    header = f"{'context':<{width + 2}}  {'type':<8} {'value':<16} {'mod':<6} {'interval':<23} {'anchor':<10} rule"
    rows = [header, "-" * len(header)]
    for mention in mentions:
        left = text[max(0, mention.start - 12) : mention.start].replace("\n", " ")
        right = text[mention.end : mention.end + 12].replace("\n", " ")
        context = f"{left}[{mention.text}]{right}"
        if len(context) > width + 2:
            context = context[: width + 1] + "…"
        interval = f"{mention.earliest}..{mention.latest}" if mention.earliest else "-"
        rows.append(
            f"{context:<{width + 2}}  {mention.type:<8} {mention.value:<16} {mention.mod or '-':<6} "
            f"{interval:<23} {mention.anchor:<10} {mention.rule}"
        )
    from timeline.temporal.ranges import find_ranges

    for found in find_ranges(text, mentions):
        span = f"{found.earliest}..{found.latest}" if found.earliest else "-"
        rows.append(f"range: {found.text!r} {span}")
    rows.append(f"{len(mentions)} temporal expression{'s' if len(mentions) != 1 else ''}")
    return "\n".join(rows)
