"""The matching rules of bench/eval_news_claims.py (bench/news_claim_matching.py):
what counts as a found claim, a real shown span and a badly cut one."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

from news_claim_matching import (  # noqa: E402
    Annotated,
    Span,
    finds,
    is_badly_cut,
    is_real,
    misses_core,
    tally,
)

TEXT = "In Ontario, exports rose 3% in the first quarter after a 1.5% drop, she said."


def _at(fragment: str) -> Span:
    start = TEXT.index(fragment)
    return Span(start, start + len(fragment))


CLAIM = Annotated(
    span=_at("In Ontario, exports rose 3% in the first quarter after a 1.5% drop"),
    core=_at("exports rose 3% in the first quarter"),
)


def test_a_span_holding_the_core_and_most_words_finds_the_claim() -> None:
    assert finds(_at("exports rose 3% in the first quarter after a 1.5% drop"), CLAIM, TEXT)


def test_a_span_holding_the_core_but_under_half_the_words_does_not_find_it() -> None:
    long_claim = Annotated(
        span=_at("In Ontario, exports rose 3% in the first quarter after a 1.5% drop, she said"),
        core=_at("3%"),
    )
    assert not finds(_at("rose 3% in"), long_claim, TEXT)
    assert finds(_at("In Ontario, exports rose 3% in the first quarter"), long_claim, TEXT)


def test_a_span_cutting_the_core_does_not_find_it_and_is_badly_cut() -> None:
    cut = _at("In Ontario, exports rose 3")
    assert not finds(cut, CLAIM, TEXT)
    assert is_real(cut, [CLAIM])
    assert is_badly_cut(cut, [CLAIM])


def test_a_whole_span_is_real_and_not_badly_cut() -> None:
    whole = _at("In Ontario, exports rose 3% in the first quarter after a 1.5% drop, she said.")
    assert is_real(whole, [CLAIM]) and not is_badly_cut(whole, [CLAIM])


def test_a_tail_touching_the_statement_but_not_its_core_is_no_claim() -> None:
    tail = _at("after a 1.5% drop, she said")
    assert not is_real(tail, [CLAIM])
    assert not is_badly_cut(tail, [CLAIM])
    assert misses_core(tail, [CLAIM])
    assert not misses_core(_at("she said"), [CLAIM])  # outside the statement: touches nothing


def test_tally_counts_recall_precision_and_badly_cut_over_touching_spans() -> None:
    shown = [_at("In Ontario, exports rose 3"), _at("she said"), CLAIM.span]
    t = tally(TEXT, shown, [CLAIM], well_formed=2)
    assert (t.claims, t.found, t.shown, t.real, t.touching, t.badly_cut) == (1, 1, 3, 2, 2, 1)
    assert t.recall == 1.0
    assert abs(t.precision - 2 / 3) < 1e-9
    assert t.badly_cut_share == 0.5
    assert abs(t.well_formed_share - 2 / 3) < 1e-9
    assert (t.words, t.words_outside) == (16, 2)  # 14 in the statement ("1.5" is two)
    pooled = t + t
    assert (pooled.found, pooled.shown, pooled.recall) == (2, 6, 1.0)


def test_one_to_one_lets_a_whole_sentence_find_only_one_of_its_claims() -> None:
    first = Annotated(span=_at("exports rose 3% in the first quarter"), core=_at("3%"))
    second = Annotated(span=_at("after a 1.5% drop"), core=_at("1.5%"))
    sentence = _at("In Ontario, exports rose 3% in the first quarter after a 1.5% drop")
    t = tally(TEXT, [sentence], [first, second], well_formed=1)
    assert (t.found, t.matched) == (2, 1)
    split = tally(TEXT, [first.span, second.span, sentence], [first, second], well_formed=3)
    assert (split.found, split.matched, split.precision_1to1) == (2, 2, 2 / 3)


def _outlet(folder: Path, name: str, sizes: list[int]) -> None:
    import csv

    with open(folder / f"output_sample_{name}.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["claim", "extra_body"])
        for i, size in enumerate(sizes):
            writer.writerow([f"c{i}", (f"{name} {i} " + "x" * size)[:size]])


def test_the_pick_is_the_first_two_short_bodies_of_the_first_six_outlets(tmp_path) -> None:
    import eval_news_claims as news

    for name in "abcdefgh":
        _outlet(tmp_path, name, [100, 2000, 5000, 1600, 2500])
    _outlet(tmp_path, "aa", [2000])  # one short body only: left out
    picked = news.select_rows(tmp_path)
    assert [(o, r) for o, r, _ in picked] == [(o, r) for o in "abcdef" for r in (1, 3)]


def test_a_changed_body_or_pick_is_refused() -> None:
    import hashlib

    import eval_news_claims as news

    body = "The fountain first opened in 2008."
    article = {"outlet": "a", "row": 1, "sha256": hashlib.sha256(body.encode()).hexdigest()}
    assert news.check_bodies([("a", 1, body)], [article]) is None
    assert "body changed" in news.check_bodies([("a", 1, body + " ")], [article])
    assert "no longer picks" in news.check_bodies([("a", 2, body)], [article])


def test_the_long_pick_is_the_first_long_body_of_every_outlet_having_one(tmp_path) -> None:
    import eval_news_claims as news

    for name in "abcdefgh":
        _outlet(tmp_path, name, [100, 2000, 5000, 3500, 2500])
    _outlet(tmp_path, "aa", [3001])  # one long body only: kept
    _outlet(tmp_path, "ab", [3000, 6001])  # just outside the bounds: left out
    picked = news.select_rows(tmp_path, news.SELECTIONS["long"])
    expected = [("a", 2), ("aa", 0)] + [(o, 2) for o in "bcdefgh"]  # file-name order
    assert [(o, r) for o, r, _ in picked] == expected
    assert all(3001 <= len(body.encode("utf-8")) <= 6000 for _, _, body in picked)
    short = news.select_rows(tmp_path, news.SELECTIONS["short"])
    assert not {(o, r) for o, r, _ in picked} & {(o, r) for o, r, _ in short}


def test_the_long2_pick_is_the_second_distinct_long_body_of_every_outlet_having_two(
    tmp_path,
) -> None:
    import csv

    import eval_news_claims as news

    for name in "abc":
        _outlet(tmp_path, name, [100, 3500, 2000, 4000, 5000])
    _outlet(tmp_path, "aa", [3001])  # one long body only: left out
    with open(tmp_path / "output_sample_d.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["claim", "extra_body"])
        for i, body in enumerate(["d " + "x" * 3500] * 2 + ["d " + "y" * 4000]):
            writer.writerow([f"c{i}", body])  # row 1 repeats row 0 word for word
    picked = news.select_rows(tmp_path, news.SELECTIONS["long2"])
    assert [(o, r) for o, r, _ in picked] == [("a", 3), ("b", 3), ("c", 3), ("d", 2)]
    first = news.select_rows(tmp_path, news.SELECTIONS["long"])
    assert [(o, r) for o, r, _ in first] == [("a", 1), ("aa", 0), ("b", 1), ("c", 1), ("d", 0)]
    assert not {body for _, _, body in picked} & {body for _, _, body in first}


def test_the_long3_pick_is_the_third_distinct_long_body_of_every_outlet_having_three(
    tmp_path,
) -> None:
    import eval_news_claims as news

    for name in "ab":
        _outlet(tmp_path, name, [3500, 100, 4000, 5000, 2000, 5500])
    _outlet(tmp_path, "c", [3001, 3002])  # two long bodies only: left out
    picked = news.select_rows(tmp_path, news.SELECTIONS["long3"])
    assert [(o, r) for o, r, _ in picked] == [("a", 3), ("b", 3)]
    earlier = news.select_rows(tmp_path, news.SELECTIONS["long"]) + news.select_rows(
        tmp_path, news.SELECTIONS["long2"]
    )
    assert not {body for _, _, body in picked} & {body for _, _, body in earlier}


@pytest.mark.parametrize("k", range(4, 14), ids=[f"long{k}" for k in range(4, 14)])
def test_the_kth_long_pick_is_the_kth_distinct_long_body_of_every_outlet_having_k(
    tmp_path, k: int
) -> None:
    import csv

    import eval_news_claims as news

    assert news.SELECTIONS[f"long{k}"].skip == k - 1  # long4 to long13: the k-th body
    sizes = [3500, 100, 4000, 5000, 2000, 5500, 3100, 4200, 6001, 3300, 5900, 3400, 3600]
    sizes += [3700, 6500, 3800, 3900]
    long_rows = [i for i, size in enumerate(sizes) if 3001 <= size <= 6000]
    for name in "ab":
        _outlet(tmp_path, name, sizes)
    _outlet(tmp_path, "c", [3001 + i for i in range(k - 1)])  # one long body short: left out
    with open(tmp_path / "output_sample_d.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["claim", "extra_body"])
        bodies = ["d " + "w" * 3500] * 2 + ["d " + c * 4000 for c in "xyzvutsrqpon"[: k - 1]]
        for i, body in enumerate(bodies):
            writer.writerow([f"c{i}", body])  # row 1 repeats row 0 word for word
    picked = news.select_rows(tmp_path, news.SELECTIONS[f"long{k}"])
    row = long_rows[k - 1]
    assert [(o, r) for o, r, _ in picked] == [("a", row), ("b", row), ("d", k)]
    assert all(3001 <= len(body.encode("utf-8")) <= 6000 for _, _, body in picked)
    keys = ("long", *(f"long{j}" for j in range(2, k) if f"long{j}" in news.SELECTIONS))
    earlier = [
        body for key in keys for _, _, body in news.select_rows(tmp_path, news.SELECTIONS[key])
    ]
    assert len(earlier) == 4 * len(keys) and not {body for _, _, body in picked} & set(earlier)


@pytest.mark.parametrize("k", range(1, 5), ids=[f"xl{k}" for k in range(1, 5)])
def test_the_kth_xl_pick_is_the_kth_distinct_6_to_10_kb_body_of_every_outlet_having_k(
    tmp_path, k: int
) -> None:
    import csv

    import eval_news_claims as news

    assert news.SELECTIONS[f"xl{k}"].skip == k - 1  # xl1 to xl4: the k-th body
    sizes = [3500, 6000, 10001, 2000, 8000, 6001, 9000, 7500]
    xl_rows = [i for i, size in enumerate(sizes) if 6001 <= size <= 10000]
    for name in "ab":
        _outlet(tmp_path, name, sizes)
    # one 6-10 KB body short (none for xl1): left out
    _outlet(tmp_path, "c", [3001, 10001, *(7000 + i for i in range(k - 1)), 12000])
    with open(tmp_path / "output_sample_d.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["claim", "extra_body"])
        bodies = ["d " + "w" * 7000] * 2 + ["d " + c * 9000 for c in "xyz"]
        for i, body in enumerate(bodies):
            writer.writerow([f"c{i}", body])  # row 1 repeats row 0 word for word
    picked = news.select_rows(tmp_path, news.SELECTIONS[f"xl{k}"])
    d_row = k if k > 1 else 0  # the repeated row 1 is no new body
    row = xl_rows[k - 1]
    assert [(o, r) for o, r, _ in picked] == [("a", row), ("b", row), ("d", d_row)]
    assert all(6001 <= len(body.encode("utf-8")) <= 10000 for _, _, body in picked)
    earlier = [
        body
        for j in range(1, k)
        for _, _, body in news.select_rows(tmp_path, news.SELECTIONS[f"xl{j}"])
    ]
    assert len(earlier) == 4 * (k - 1)  # a, b, c and d each have every earlier one
    assert not {body for _, _, body in picked} & set(earlier)


def test_the_t_interval_of_the_mean() -> None:
    import eval_news_claims as news

    low, high = news.t_interval([0.0, 1.0, 2.0, 3.0])  # sd 1.291, t(3) = 3.182
    assert (round(low, 3), round(high, 3)) == (-0.554, 3.554)
    assert news.t_interval([0.7]) == (0.7, 0.7)
    wide, narrow = news.t_interval([0.0, 1.0]), news.t_interval([0.0, 1.0] * 20)
    assert wide[1] - wide[0] > 10 * (narrow[1] - narrow[0])


def _annotate(path: Path, picked: list[tuple[str, int, str]]) -> None:
    """An annotation file claiming each body's first word, in news_claims.json's format."""
    import hashlib
    import json

    articles = []
    for outlet, row, body in picked:
        first = len(body.split()[0])
        claim = {"span": [0, first], "core": [0, first]}
        digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
        articles.append({"outlet": outlet, "row": row, "sha256": digest, "claims": [claim]})
    path.write_text(json.dumps({"articles": articles}), encoding="utf-8")


def _sets(tmp_path: Path, monkeypatch) -> None:
    """Both selections pointed at a made-up data folder and annotation files; the
    product left out of the systems so no model loads (the two baselines run for real)."""
    import dataclasses

    import eval_news_claims as news

    # thirteen 3-6 KB bodies per outlet: long to long13; four 6-10 KB: xl1 to xl4
    sizes = [1600, 2000, 3500, 4000, 4500, 5000, 5500, 5800, 3200, 7000, 3300, 3400, 8000]
    for name in "abc":
        _outlet(tmp_path, name, [*sizes, 3600, 3700, 3800, 3900, 9000, 9500])
    monkeypatch.setattr(news, "DATA", tmp_path)
    monkeypatch.setattr(news, "SYSTEMS", ("digit rule", "every sentence"))
    for key in list(news.SELECTIONS):
        selection = dataclasses.replace(
            news.SELECTIONS[key], annotations=tmp_path / f"{key}.json", outlets=2
        )
        monkeypatch.setitem(news.SELECTIONS, key, selection)
        _annotate(selection.annotations, news.select_rows(tmp_path, selection))


def _run(monkeypatch, *argv: str) -> int:
    import eval_news_claims as news

    monkeypatch.setattr(sys, "argv", ["eval_news_claims.py", *argv])
    return news.main()


def test_the_default_set_is_the_short_one_and_never_reads_the_long_bodies(
    tmp_path, monkeypatch, capsys
) -> None:
    _sets(tmp_path, monkeypatch)
    assert _run(monkeypatch) == 0
    out = capsys.readouterr().out
    assert "## short set" in out and "long set" not in out and "pooled (short" not in out
    assert "4 ClaimReview bodies, 4 claims" in out


def test_both_sets_are_measured_then_pooled_and_labelled_not_blind(
    tmp_path, monkeypatch, capsys
) -> None:
    _sets(tmp_path, monkeypatch)
    assert _run(monkeypatch, "--set", "both") == 0
    out = capsys.readouterr().out
    assert "## short set (not blind" in out and "## long set (not blind" in out
    assert "short + long pooled (not blind)" in out
    # every sentence finds each body's first word: 4 short + 2 long claims when pooled
    assert "over 6 articles" in out and "6/6 found" in out
    assert _run(monkeypatch, "--set", "long") == 0
    assert "2 ClaimReview bodies, 2 claims" in capsys.readouterr().out


def test_the_blind_sets_are_measured_then_pooled_and_compared_by_article(
    tmp_path, monkeypatch, capsys
) -> None:
    _sets(tmp_path, monkeypatch)
    assert _run(monkeypatch, "--set", "blind") == 0
    out = capsys.readouterr().out
    assert "## long set (not blind" in out and "## long2 set (not blind" in out
    assert "## short set" not in out
    assert "long + long2 pooled (not blind)" in out and "over 4 articles" in out
    # the two baselines agree on these one-sentence bodies: every paired difference is 0
    assert "digit rule - every sentence, paired by article" in out
    assert "recall_1to1        +0.000 (+0.000 to +0.000)" in out
    assert _run(monkeypatch, "--set", "all") == 0
    out = capsys.readouterr().out
    assert (
        "short + long + long2 + long3 + long4 + long5 + long6 + long7 + long8 + long9 + long10 + "
        "long11 + long12 + long13 + xl1 + xl2 + xl3 + xl4 pooled (only long3 and long4 and long7 "
        "and long9 and long10 and long13 and xl2 and xl3 and xl4 blind)" in out
    )
    assert "## long11 set (readable: annotated (session 31, annot11n)" in out
    assert "## long9 set (blind: annotated (session 30, annot11j)" in out
    assert "## xl2 set (blind: annotated (session 30, annot11k)" in out
    assert "## long10 set (blind: annotated (session 31, annot11l)" in out
    assert "## xl3 set (blind: annotated (session 31, annot11m)" in out
    assert "## long12 set (readable: annotated (session 31, annot11o)" in out
    assert "## long13 set (blind: annotated (session 32, annot12a)" in out
    assert "## xl4 set (blind: annotated (session 32, annot12b)" in out
    assert "38/38 found" in out
    assert _run(monkeypatch, "--set", "readable") == 0
    out = capsys.readouterr().out
    assert "## long6 set (readable: annotated (session 30, annot11f)" in out
    assert "## xl1 set (readable: annotated (session 30, annot11i)" in out
    assert "## long8 set (readable: annotated (session 30, annot11h)" in out
    assert "## long2 set (not blind" in out and "## short set (not blind" in out
    assert "## long3 set" not in out and "## long5 set" not in out
    assert "short + long + long2 + long6 + xl1 + long8 pooled (not blind)" in out
    assert "over 14 articles" in out and "14/14 found" in out
    assert _run(monkeypatch, "--set", "blind2") == 0
    out = capsys.readouterr().out
    assert "## long2 set (not blind" in out and "## long3 set (blind" in out
    assert "## long set" not in out and "over 4 articles" in out
    assert "long2 + long3 pooled (only long3 blind)" in out
    assert _run(monkeypatch, "--set", "blind3") == 0
    out = capsys.readouterr().out
    assert "## long3 set (blind" in out and "## long4 set (blind" in out
    assert "## long2 set" not in out and "over 4 articles" in out
    assert "long3 + long4 pooled (only long3 and long4 blind)" in out
    assert "## long5 set" not in out
    assert _run(monkeypatch, "--set", "blind4") == 0
    out = capsys.readouterr().out
    assert "## long3 set (blind" in out and "## long4 set (blind" in out
    assert "## long5 set (not blind" in out and "## long7 set (blind" in out
    assert "over 8 articles" in out and "8/8 found" in out
    assert "## long2 set" not in out and "## short set" not in out
    assert "long3 + long4 + long5 + long7 pooled (only long3 and long4 and long7 blind)" in out
    assert _run(monkeypatch, "--set", "fresh") == 0
    out = capsys.readouterr().out
    assert "## long5 set (not blind" in out and "## long7 set (blind" in out
    assert "## long4 set" not in out and "## long3 set" not in out
    assert "long5 + long7 pooled (only long7 blind)" in out
    assert "over 4 articles" in out and "4/4 found" in out
    assert _run(monkeypatch, "--set", "long2") == 0
    out = capsys.readouterr().out
    assert "## long2 set" in out and "## long set" not in out and "pooled (blind" not in out
    assert "2 ClaimReview bodies, 2 claims" in out


def test_a_changed_long_body_is_refused_and_a_missing_file_skipped(
    tmp_path, monkeypatch, capsys
) -> None:
    import eval_news_claims as news

    _sets(tmp_path, monkeypatch)
    news.SELECTIONS["long"].annotations.unlink()
    assert _run(monkeypatch, "--set", "long") == 0
    assert "long set skipped" in capsys.readouterr().err
    _outlet(tmp_path, "a", [1600, 2000, 3400])  # the long body of outlet a changes
    _annotate(news.SELECTIONS["long"].annotations, [("a", 2, "x" * 3500), ("b", 2, "y" * 3500)])
    assert _run(monkeypatch, "--set", "long") == 1
    assert "refused" in capsys.readouterr().err


def test_the_shipped_annotations_match_the_shared_bodies() -> None:
    import eval_news_claims as news

    if not news.DATA.exists():
        pytest.skip("../shared/data/claimreview-samples not found")
    for selection in news.SELECTIONS.values():
        picked = news.select_rows(news.DATA, selection)
        articles = news.load_annotations(selection.annotations)
        assert news.check_bodies(picked, articles) is None
        for (_, _, body), article in zip(picked, articles, strict=True):
            for claim in article["claims"]:
                (start, end), (core_start, core_end) = claim["span"], claim["core"]
                assert 0 <= start <= core_start < core_end <= end <= len(body)
                assert body[start:end] == body[start:end].strip()
