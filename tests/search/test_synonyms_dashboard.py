"""Staff pages for synonym sets: list, create, edit, delete; validation; zh-Hans; staff only."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from shop.apps.search.models import SynonymSet, split_terms

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_user("ops", "ops@example.com", "pw", is_staff=True)
    client.force_login(user)
    return client


def test_terms_are_split_on_lines_commas_and_equals():
    assert split_terms("中性笔 = 签字笔, gel  pen\nGel Pen\n\n、啫喱笔") == ["中性笔", "签字笔", "gel pen", "啫喱笔"]


def test_only_staff_reach_the_pages(client, django_user_model):
    url = reverse("search_dashboard:synonym-list")
    assert client.get(url).status_code == 302
    buyer = django_user_model.objects.create_user("buyer", "b@example.com", "pw")
    client.force_login(buyer)
    assert client.get(url).status_code == 302
    assert not SynonymSet.objects.exists()


def test_create_list_edit_and_delete(staff_client, django_assert_max_num_queries):
    response = staff_client.post(
        reverse("search_dashboard:synonym-create"),
        {"terms": "中性笔 = 签字笔 = gel pen", "note": "", "is_active": "on"},
    )
    assert response.status_code == 302
    synonym_set = SynonymSet.objects.get()
    assert synonym_set.term_list() == ["中性笔", "签字笔", "gel pen"]

    with CaptureQueriesContext(connection) as one_set:
        staff_client.get(reverse("search_dashboard:synonym-list"))
    for number in range(30):
        SynonymSet.objects.create(terms=f"term{number}a\nterm{number}b")
    with django_assert_max_num_queries(len(one_set)):  # the same queries for 1 set or 31
        page = staff_client.get(reverse("search_dashboard:synonym-list"))
    assert page.status_code == 200 and "签字笔" in page.content.decode()
    found = staff_client.get(reverse("search_dashboard:synonym-list"), {"q": "gel"}).content.decode()
    assert "签字笔" in found and "term7a" not in found

    edit = reverse("search_dashboard:synonym-edit", args=[synonym_set.pk])
    assert staff_client.get(edit).status_code == 200
    staff_client.post(edit, {"terms": "中性笔\n签字笔", "note": "pens", "is_active": ""})
    synonym_set.refresh_from_db()
    assert synonym_set.term_list() == ["中性笔", "签字笔"] and not synonym_set.is_active and synonym_set.note == "pens"

    delete = reverse("search_dashboard:synonym-delete", args=[synonym_set.pk])
    assert "中性笔" in staff_client.get(delete).content.decode()
    assert staff_client.post(delete).status_code == 302
    assert not SynonymSet.objects.filter(pk=synonym_set.pk).exists()
    assert staff_client.get(edit).status_code == 404


@pytest.mark.parametrize(
    ("terms", "message"),
    [
        ("", "This field is required."),
        ("中性笔", "Enter at least two different terms."),
        ("gel pen, Gel Pen", "Enter at least two different terms."),
        ("!!!, gel pen", "has no letters or digits"),
        ("x" * 101 + ", gel pen", "longer than 100 characters"),
        (", ".join(f"t{i}" for i in range(21)), "at most 20 terms"),
    ],
)
def test_bad_terms_are_refused_with_a_clear_message(staff_client, terms, message):
    response = staff_client.post(reverse("search_dashboard:synonym-create"), {"terms": terms, "is_active": "on"})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not SynonymSet.objects.exists()


def test_a_term_in_another_active_set_is_refused(staff_client):
    SynonymSet.objects.create(terms="中性笔\n签字笔")
    response = staff_client.post(
        reverse("search_dashboard:synonym-create"), {"terms": "签字笔, 水笔", "is_active": "on"}
    )
    assert "is already in the active set" in response.content.decode()
    assert SynonymSet.objects.count() == 1
    # as an inactive set it may be kept for later
    staff_client.post(reverse("search_dashboard:synonym-create"), {"terms": "签字笔, 水笔", "is_active": ""})
    assert SynonymSet.objects.count() == 2


def test_pages_in_chinese(staff_client):
    SynonymSet.objects.create(terms="A4\n210×297")
    page = staff_client.get("/zh-hans/dashboard/search-synonyms/").content.decode()
    assert "搜索同义词" in page and "新建同义词组" in page
    refused = staff_client.post("/zh-hans/dashboard/search-synonyms/new/", {"terms": "A4", "is_active": "on"})
    assert "请至少输入两个不同的词" in refused.content.decode()
