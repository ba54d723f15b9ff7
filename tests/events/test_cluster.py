"""Clustering: the same fact across sources is one cluster; different months or figures never merge."""

from __future__ import annotations

from datetime import date

from timeline.events.cluster import Figure, Report, cluster_id, cluster_reports

MAY = (date(2024, 5, 1), date(2024, 6, 1))
PER_DAY_1200 = Figure(1200.0, None, "P1D", "people")


def report(key: str, document: int, value: str = "2024-05", span: tuple[date, date] = MAY, figures=(PER_DAY_1200,), text: str = "Russia lost more than 1,200 soldiers a day in May", published: str = "2024-06-10", category: str = "casualties", basis: str = "stated", context: tuple[str, ...] = ()) -> Report:  # type: ignore[no-untyped-def]
    return Report(
        event_id=document * 100 + ord(key[0]), key=key, document_id=document, published=published, value=value,
        earliest=span[0], latest=span[1], date_basis=basis, category=category, text=text,
        actors=frozenset({"russia"}), figures=frozenset(figures), context=context,
    )


def groups(reports: list[Report]) -> list[list[str]]:
    return sorted(sorted(member.key for member in cluster.members) for cluster in cluster_reports(reports))


def test_same_figure_same_month_from_three_sources_is_one_cluster() -> None:
    reports = [
        report("a", 1, text="over 1,200 soldiers being killed or wounded each day in May"),
        report("b", 2, text="the UK Ministry of Defence reporting over 1,200 casualties per day in May"),
        report("c", 3, text="The Russian military lost more than 1,200 people a day last month"),
    ]
    assert groups(reports) == [["a", "b", "c"]]


def test_different_months_never_merge() -> None:
    june = (date(2024, 6, 1), date(2024, 7, 1))
    assert groups([report("a", 1), report("b", 2, value="2024-06", span=june)]) == [["a"], ["b"]]


def test_different_figures_never_merge() -> None:
    other = Figure(1100.0, None, "P1D", "people")
    assert groups([report("a", 1), report("b", 2, figures=(other,))]) == [["a"], ["b"]]
    monthly = Figure(1200.0, None, "P1M", "people")
    assert groups([report("a", 1), report("b", 2, figures=(monthly,))]) == [["a"], ["b"]]


def test_a_day_inside_its_month_merges_and_one_document_only_when_it_tells_the_same_twice() -> None:
    day = (date(2024, 5, 30), date(2024, 5, 31))
    assert groups([report("a", 1), report("b", 2, value="2024-05-30", span=day)]) == [["a", "b"]]
    assert groups([report("a", 1), report("b", 1)]) == [["a", "b"]]
    assert groups([report("a", 1), report("b", 1, text="Recruiters offered 1,200 dollars a day to volunteers in May")]) == [["a"], ["b"]]


def test_stated_and_reported_dates_stay_apart() -> None:
    assert groups([report("a", 1), report("b", 2, basis="reported")]) == [["a"], ["b"]]


def test_without_figures_a_month_needs_more_than_similar_wording_and_a_day_needs_the_same_story() -> None:
    first = report("a", 1, figures=(), text="Moscow has been enlisting convicts from its prisons", category="recruitment")
    second = report("b", 2, figures=(), text="North Korea sent troops to the front", category="recruitment")
    third = report("c", 3, figures=(), text="Russia has also been enlisting convicts from its prisons", category="recruitment")
    assert groups([first, second, third]) == [["a"], ["b"], ["c"]]
    day = (date(2024, 5, 14), date(2024, 5, 15))
    story = ("novorossiysk", "kestrel", "prison", "convicts")
    on_the_day = [
        report("a", 1, "2024-05-14", day, (), "Moscow began enlisting convicts from the Kestrel prison on Tuesday", context=story),
        report("b", 2, "2024-05-14", day, (), "North Korea sent troops to the front on Tuesday", context=("pyongyang", "kim", "troops")),
        report("c", 3, "2024-05-14", day, (), "On Tuesday recruiters arrived at the Kestrel prison", context=story),
    ]
    assert groups(on_the_day) == [["a", "c"], ["b"]]


def test_ids_come_from_the_first_report_whatever_the_order() -> None:
    reports = [report("b", 2, published="2024-06-11"), report("a", 1, published="2024-06-10"), report("c", 3, published="2024-06-12")]
    forward = cluster_reports(reports)
    backward = cluster_reports(list(reversed(reports)))
    assert [cluster.id for cluster in forward] == [cluster.id for cluster in backward] == [cluster_id("a")]
    later = cluster_reports([*reports, report("d", 4, published="2024-07-01")])
    assert [cluster.id for cluster in later] == [cluster_id("a")]


def test_representative_is_best_dated() -> None:
    day = (date(2024, 5, 30), date(2024, 5, 31))
    [cluster] = cluster_reports([report("a", 1), report("b", 2, value="2024-05-30", span=day)])
    assert cluster.representative.key == "b"


def test_undated_reports_are_clusters_of_their_own() -> None:
    undated = [report("a", 1, value="XXXX-05", span=(None, None), basis="reported"), report("b", 2, value="XXXX-05", span=(None, None), basis="reported")]  # type: ignore[arg-type]
    assert groups(undated) == [["a"], ["b"]]


def test_one_article_telling_two_days_gives_two_entries_even_when_another_article_links_both() -> None:
    monday, tuesday = (date(2016, 3, 7), date(2016, 3, 8)), (date(2016, 3, 8), date(2016, 3, 9))
    story = ("brantwell", "okafor", "vessey")
    shooting = report("a", 1, "2016-03-07", monday, (), "Darnell Okafor was shot on Vessey Street on Monday", "2016-03-08", "crime", context=story)
    vigil = report("b", 1, "2016-03-08", tuesday, (), "Neighbours of Darnell Okafor held a vigil on Vessey Street on Tuesday", "2016-03-08", "crime", context=story)
    other = report("c", 2, "2016-03-08", tuesday, (), "Darnell Okafor died after he was shot on Vessey Street late Monday", "2016-03-08", "crime", context=story)
    clusters = cluster_reports([shooting, vigil, other])
    assert not any({"a", "b"} <= {member.key for member in cluster.members} for cluster in clusters)


def test_an_entry_takes_the_day_most_of_its_sources_give() -> None:
    from timeline.events.cluster import Cluster, consensus_day

    monday, tuesday = (date(2016, 3, 7), date(2016, 3, 8)), (date(2016, 3, 8), date(2016, 3, 9))
    members = [
        report("a", 1, "2016-03-08", tuesday, (), "A man died after a shooting on Tuesday afternoon, with more words", category="crime"),
        report("b", 2, "2016-03-07", monday, (), "A man was shot late Monday", category="crime"),
        report("c", 3, "2016-03-07", monday, (), "The shooting happened Monday night", category="crime"),
    ]
    assert consensus_day(members) == date(2016, 3, 7).toordinal()
    assert Cluster("x", members).representative.value == "2016-03-07"
