"""Pinyin input, operators' synonyms and typo tolerance, through haystack on real Oscar products.

Star-imported by test_elasticsearch_live.py: the same behaviour is checked on a live cluster there.
"""

from __future__ import annotations

import pytest
from oscar.apps.search.facets import base_sqs

from shop.apps.search.forms import SearchForm

pytestmark = pytest.mark.django_db

GEL = "Gel Pen Blue 0.5mm 中性笔"
STAPLER = "Stapler 订书机 heavy duty"
PAPER = "A4复印纸 copy paper 500 sheets"


def found(text: str) -> list[str]:
    return [r.title for r in base_sqs().auto_query(text)]


def ranked(text: str) -> list[str]:
    """Titles in the order the search page shows them (text match, exact SKU pinned first)."""
    form = SearchForm({"q": text}, searchqueryset=base_sqs())
    assert form.is_valid()
    return [r.title for r in form.text_search(base_sqs(), form.cleaned_data["q"])]


def synonym_set(*terms: str, active: bool = True):
    from shop.apps.search.models import SynonymSet

    return SynonymSet.objects.create(terms="\n".join(terms), is_active=active)


# --- pinyin ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["zhongxingbi", "ZhongXingBi", "zxb", "zhong xing bi", "zhongxing"])
def test_pinyin_input_finds_the_chinese_title(catalogue, typed):
    assert found(typed) == [GEL]


def test_pinyin_of_other_words(catalogue):
    assert found("dingshuji") == [STAPLER]
    assert found("fuyinzhi") == [PAPER]
    assert set(found("bianlitie")) == {"Sticky notes 便利贴 yellow"}


def test_pinyin_does_not_widen_english_words(catalogue):
    # single characters are not indexed as pinyin: "bi" (笔) must not match every pen
    assert found("bi") == []
    assert set(found("pen")) == {GEL, "Ballpoint pen black 圆珠笔", "Fountain pen gift set"}


def test_pinyin_combines_with_other_words(catalogue):
    assert found("zhongxingbi blue") == [GEL]
    assert found("zhongxingbi black") == []


# --- synonyms -------------------------------------------------------------------------------------


def test_a_synonym_set_applies_to_the_next_query_without_reindexing(catalogue):
    assert found("签字笔") == []
    synonym_set("中性笔", "签字笔", "gel pen")
    assert found("签字笔") == [GEL]
    assert found("gel pen") == [GEL]


def test_multi_word_synonyms_and_sizes(catalogue):
    synonym_set("A4", "210×297")
    assert found("210×297") == [PAPER]
    assert found("210x297") == [PAPER]
    assert found("210 x 297 copy") == [PAPER]


def test_synonym_of_a_phrase_other_words_still_required(catalogue):
    synonym_set("stapler", "paper fastener")
    assert found("paper fastener") == [STAPLER]
    assert found("paper fastener heavy") == [STAPLER]
    assert found("paper fastener yellow") == []


def test_inactive_deleted_and_changed_sets(catalogue):
    inactive = synonym_set("订书机", "钉书器", active=False)
    assert found("钉书器") == []
    inactive.is_active = True
    inactive.save()
    assert found("钉书器") == [STAPLER]
    inactive.terms = "订书机\n订书器"
    inactive.save()
    assert found("钉书器") == []
    assert found("订书器") == [STAPLER]
    inactive.delete()
    assert found("订书器") == []


# --- typos ----------------------------------------------------------------------------------------


def test_a_typo_in_a_long_word_still_finds_it(catalogue):
    assert found("stapeler") == [STAPLER]
    assert found("stapler") == [STAPLER]
    assert found("fountian") == ["Fountain pen gift set"]


def test_short_words_and_codes_must_be_typed_right(catalogue):
    assert found("pan") == []  # three letters: pen, pan and pin are different products
    assert found("UPC-GELL") == []  # codes with digits or dashes are never fuzzy
    assert found("0.7mm") == []


def test_exact_matches_rank_above_near_misses(catalogue, backend):
    from oscar.test.factories import create_product

    from shop.apps.search.tasks import update_products

    near = create_product(title="Staple remover", product_class="Office", upc="UPC-REMOVER")
    update_products([near.pk])
    results = found("stapler")
    assert results[0] == STAPLER
    assert "Staple remover" not in results or results.index("Staple remover") > 0


def test_exact_sku_ranks_first(catalogue):
    assert ranked("upc-stapler")[0] == STAPLER
    assert ranked("UPC-GEL")[0] == GEL


# --- "did you mean" -------------------------------------------------------------------------------


def test_edit_distance():
    from shop.apps.search.spelling import edit_distance

    assert edit_distance("pne", "pen") == 1  # a transposition is one edit
    assert edit_distance("gle", "gel") == 1
    assert edit_distance("stapler", "stapler") == 0
    assert edit_distance("abc", "xyzxyz") == 3  # beyond the limit: limit + 1


@pytest.mark.parametrize(("typed", "fixed"), [("pne", "pen"), ("gle pen", "gel pen"), ("pne gfit", "pen gift")])
def test_empty_results_suggest_a_spelling_fix(client, catalogue, typed, fixed):
    response = client.get("/en/search/", {"q": typed})
    assert response.context["paginator"].count == 0
    suggestion = response.context["spelling_suggestion"]
    assert suggestion["name"] == fixed and suggestion["count"] >= 1
    assert "Did you mean" in response.content.decode()


def test_no_suggestion_for_nonsense_or_chinese(client, catalogue):
    for typed in ("qqqqzzz", "飞机", "12345"):
        response = client.get("/en/search/", {"q": typed})
        assert response.context["spelling_suggestion"] is None


def test_the_suggestion_in_chinese(client, catalogue):
    response = client.get("/zh-hans/search/", {"q": "pne"})
    assert "您是不是要找" in response.content.decode()


def test_a_typo_ranks_the_word_meant_above_words_near_its_stem(catalogue, backend):
    # "stapeler" stems to "stapel": one edit from "stapl" (staples), two from "stapler"
    from oscar.test.factories import create_product

    from shop.apps.search.tasks import update_products

    shredder = create_product(title="Paper shredder", product_class="Office", upc="UPC-SHRED")
    shredder.description = "Cuts through staples and paper clips."
    shredder.save()
    update_products([shredder.pk])

    scores = {r.title: r.score for r in base_sqs().auto_query("stapeler")}
    assert set(scores) == {STAPLER, "Paper shredder"}
    assert scores[STAPLER] > scores["Paper shredder"]
