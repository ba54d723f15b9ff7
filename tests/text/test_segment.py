"""Segmentation: furniture from the phrase lists, headlines, captions and appended teasers."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.text.furniture import load_furniture
from timeline.text.segment import segment_text

from tests.conftest import SEEDS

ARTICLE = """Port of Gdansk sets a container record

Container traffic at the Port of Gdansk reached 2.1 million units last year, the port authority said on Monday.
The authority said new cranes at the deepwater terminal had doubled the number of ships it could serve each week.
Shipping lines moved several Asia routes from Hamburg and Rotterdam to Gdansk to cut sailing times to the Baltic.
Port officials expect container traffic to keep growing as the terminal adds a third berth next year.
The port authority said rail links to the terminal would be upgraded so that more containers leave by train.
Rotterdam and Hamburg still handle far more containers, but their share of Baltic traffic has fallen, officials said.
Photo: Cranes at the deepwater terminal in Gdansk (Port of Gdansk)
Sign up for our newsletter and get the best port stories in your inbox.
"""
TEASERS = (
    "A chef in Lyon won the national baking contest yesterday with a pear tart that judges called flawless, and she plans to open a",
    "Heavy rain flooded streets in the hill town on Sunday, forcing schools to close while volunteers cleared mud from the",
)


def kinds(text: str, title: str | None = None) -> list[tuple[str, str]]:
    return [(segment.kind, text[segment.start : segment.end]) for segment in segment_text(text, title)]


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


@pytest.mark.parametrize(("text", "kind"), load_furniture().examples)
def test_furniture_examples(text: str, kind: str) -> None:
    found = load_furniture().classify(text)
    assert (found[0] if found else "body") == kind


def test_offsets_point_at_the_paragraphs() -> None:
    for segment in segment_text(ARTICLE):
        part = ARTICLE[segment.start : segment.end]
        assert part == part.strip() and "\n" not in part


def test_article_with_furniture() -> None:
    found = kinds(ARTICLE, "Port of Gdansk sets a container record")
    assert found[0] == ("title", "Port of Gdansk sets a container record")
    assert [kind for kind, _ in found[1:7]] == ["body"] * 6
    assert found[7][0] == "caption" and found[8][0] == "boilerplate"
    assert not any(kind == "teaser" for kind, _ in found)


def test_appended_off_topic_cut_paragraphs_are_teasers() -> None:
    text = ARTICLE + "\n".join(TEASERS) + "\n"
    found = kinds(text)
    assert [kind for kind, _ in found[-2:]] == ["teaser", "teaser"]
    assert [kind for kind, part in found if part.startswith("Container traffic")] == ["body"]


def test_on_topic_last_paragraph_stays_body() -> None:
    text = ARTICLE + "Port officials said the container record would help the terminal win more routes from Asia next year.\n"
    assert kinds(text)[-1][0] == "body"


def test_seed_002_ends_with_four_teasers() -> None:
    found = kinds(seed("002"))
    assert [kind for kind, _ in found[-4:]] == ["teaser"] * 4
    assert [kind for kind, _ in found].count("teaser") == 4
    assert found[-5][0] == "body"


def test_seed_003_furniture_is_not_body() -> None:
    found = kinds(seed("003"), "Foreign troops help Putin avoid pitfalls of another Russian mobilization")
    not_body = [part for kind, part in found if kind != "body"]
    for start in ("Physical Address", "304 North", "Dorchester Center", "Stay updated", "As the world watches",
                  "Image:", "Leave a Reply", "Your email address", "Source link", "Follow us"):
        assert any(part.startswith(start) for part in not_body), start
    assert [kind for kind, part in found if part.startswith("Image:")] == ["caption"]
    assert sum(kind == "body" for kind, _ in found) >= 12


def test_seed_000_has_no_teasers() -> None:
    found = kinds(seed("000"))
    assert [kind for kind, _ in found] == ["body"] * 8 + ["boilerplate"]


def test_user_phrases_extend_the_lists(tmp_path: Path) -> None:
    extra = tmp_path / "extra.toml"
    extra.write_text('[boilerplate]\nstarts = ["brought to you by"]\n', encoding="utf-8")
    furniture = load_furniture(str(extra))
    assert furniture.classify("Brought to you by the Harbour Ledger team")[0] == "boilerplate"
    assert load_furniture().classify("Brought to you by the Harbour Ledger team") is None


def test_seed_001_loosely_worded_last_paragraph_stays_body() -> None:
    found = kinds(seed("001"))
    assert [kind for kind, part in found if part.startswith("The toll on")] == ["body"]
    assert "teaser" not in [kind for kind, _ in found]


def test_cut_but_on_topic_last_paragraph_stays_body() -> None:
    text = ARTICLE + "Port officials said the container terminal would keep growing as shipping lines move more routes to the\n"
    assert kinds(text)[-1][0] == "body"


def test_a_sentence_repeating_the_title_words_is_body() -> None:
    text = "Rail freight between Warsaw and Vilnius rose by a fifth in 2023, the operators said on Tuesday.\n"
    assert kinds(text, "Rail freight up a fifth") == [("body", text.strip())]


def test_a_lone_line_without_a_full_stop_is_body() -> None:
    assert kinds("Ferries resumed in May\n") == [("body", "Ferries resumed in May")]


def test_paragraph_under_a_newsletter_heading_is_boilerplate() -> None:
    text = ARTICLE.replace("Photo:", "Stay informed\nEvery Friday our editors pick the week's best stories about ports and shipping.\nPhoto:")
    found = kinds(text)
    assert ("boilerplate", "Every Friday our editors pick the week's best stories about ports and shipping.") in found


WRAPPED = """Ferry operators on the Baltic said on Monday that passenger numbers had
recovered to their level of 2019, after four years of decline, and that the
summer timetable would add two crossings a day.

The operators said fuel prices had fallen since the spring of 2023, which let
them cut fares on the longest routes.

- Tallinn to Helsinki: every hour
- Riga to Stockholm: daily
"""


def test_hard_wrapped_prose_is_one_paragraph_per_block() -> None:
    found = kinds(WRAPPED)
    assert found[0] == ("body", WRAPPED.split("\n\n")[0])
    assert found[1][1].startswith("The operators said") and found[1][1].endswith("longest routes.")
    assert [part for _, part in found[2:]] == ["- Tallinn to Helsinki: every hour", "- Riga to Stockholm: daily"]


def test_address_lines_are_not_wrapped_prose() -> None:
    text = "Physical Address\n\n304 North Cardinal St.\nDorchester Center, MA 02124\n"
    assert [kind for kind, _ in kinds(text)] == ["boilerplate"] * 3


def test_teasers_after_a_short_article() -> None:
    lines = ARTICLE.splitlines()[2:5]
    text = "\n".join([*lines, *TEASERS]) + "\n"
    assert [kind for kind, _ in kinds(text)] == ["body", "body", "body", "teaser", "teaser"]


@pytest.mark.parametrize(
    ("text", "furniture"),
    [example for rule in load_furniture().inline for example in rule.examples],
)
def test_inline_furniture_examples(text: str, furniture: str) -> None:
    spans = load_furniture().inline_spans(text)
    assert [text[span.start : span.end] for span in spans] == ([furniture] if furniture else [])


def test_inline_furniture_is_a_segment_of_its_own_and_the_rest_stays_body() -> None:
    text = "Three people were hurt in the fire on Monday, officials said. © 2016 Example Broadcasting\n\nThe road reopened on Tuesday."
    found = kinds(text)
    assert found == [
        ("body", "Three people were hurt in the fire on Monday, officials said."),
        ("boilerplate", "© 2016 Example Broadcasting"),
        ("body", "The road reopened on Tuesday."),
    ]


def test_a_posted_and_updated_header_is_not_body() -> None:
    text = "Flood closes the bridge Posted: Friday, July 12, 2013 1:16 PM EDT Updated: Monday, August 26, 2013 7:00 PM EDT\n\nThe bridge closed on Friday after the river rose, the city said."
    found = kinds(text)
    assert [kind for kind, _ in found if kind == "body"] == ["body"]
    assert found[-1] == ("body", "The bridge closed on Friday after the river rose, the city said.")
    assert not any("2013" in words for kind, words in found if kind in ("body", "title"))


@pytest.mark.parametrize(("text", "dateline"), load_furniture().dateline_examples)
def test_dateline_examples(text: str, dateline: str) -> None:
    assert text[: load_furniture().dateline_at(text)] == dateline


def test_a_dateline_is_a_segment_of_its_own_before_the_body() -> None:
    text = "Fire destroys barn\n\nSPRINGFIELD, Ill. (AP) — A fire destroyed a barn on Monday, officials said."
    assert kinds(text, "Fire destroys barn") == [
        ("title", "Fire destroys barn"),
        ("dateline", "SPRINGFIELD, Ill. (AP) —"),
        ("body", "A fire destroyed a barn on Monday, officials said."),
    ]
