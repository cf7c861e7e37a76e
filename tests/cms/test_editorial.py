"""Editors draft and submit, approvers approve; scheduling, revisions, locking and the admin's languages."""

from __future__ import annotations

import datetime
import json

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, streamfield

from cms.editorial import APPROVERS_GROUP, WORKFLOW_NAME, ensure_editorial_setup
from shop.core.roles import GROUP_NAMES, Role

pytestmark = pytest.mark.django_db

PASSWORD = "Correct-Horse-Stapler-42"


@pytest.fixture
def editorial(db):
    ensure_editorial_setup()


def member(django_user_model, username: str, group_name: str):
    user = django_user_model.objects.create_user(username=username, email=f"{username}@example.com", password=PASSWORD)
    user.groups.add(Group.objects.get(name=group_name))
    client = Client()
    client.force_login(user)
    return user, client


@pytest.fixture
def editor(editorial, django_user_model):
    return member(django_user_model, "erin", GROUP_NAMES[Role.EDITOR])


@pytest.fixture
def approver(editorial, django_user_model):
    return member(django_user_model, "arun", APPROVERS_GROUP)


def promo_form(title: str, slug: str, **extra) -> dict:
    data = nested_form_data({"title": title, "slug": slug, "summary": "", "body": streamfield([
        ("coupon", {"code": "SPRING-5", "text": "5% off"}),
    ])})
    data.update(extra)
    return data


def test_editors_have_cms_permissions_but_cannot_publish(editor, home):
    user, client = editor

    assert client.get("/cms-admin/").status_code == 200
    permissions = home.permissions_for_user(user)
    assert permissions.can_add_subpage() and permissions.can_edit() and permissions.can_lock()
    assert not permissions.can_publish()
    assert not user.has_perm("auth.change_user")
    assert client.get("/cms-admin/users/").status_code in (302, 403)


def test_the_setup_runs_once_and_leaves_operators_changes_alone(editorial):
    from wagtail.models import Workflow

    editors = Group.objects.get(name=GROUP_NAMES[Role.EDITOR])
    editors.permissions.clear()
    assert ensure_editorial_setup() is False
    assert not editors.permissions.exists()
    assert Workflow.objects.filter(name=WORKFLOW_NAME).count() == 1


def test_an_editor_submits_a_promo_page_and_an_approver_publishes_it(editor, approver, home, client):
    from cms.models import PromoPage

    _user, editor_client = editor
    approver_user, approver_client = approver

    # an editor's "publish" is not available: the page stays a draft
    response = editor_client.post(f"/cms-admin/pages/add/cms/promopage/{home.pk}/",
                                  promo_form("Spring", "spring", **{"action-publish": "1"}))
    page = PromoPage.objects.get(slug="spring")
    assert response.status_code == 302
    assert not page.live

    # submitted to the workflow
    response = editor_client.post(f"/cms-admin/pages/{page.pk}/edit/",
                                  promo_form("Spring", "spring", **{"action-submit": "1"}))
    assert response.status_code == 302
    state = page.current_workflow_state
    assert state is not None and state.workflow.name == WORKFLOW_NAME
    assert client.get("/en/spring/").status_code == 404

    # the approver approves the task, which publishes the page
    task_state = state.current_task_state
    response = approver_client.post(
        f"/cms-admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": "ok"}
    )
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    assert "SPRING-5" in client.get("/en/spring/").content.decode()


def test_scheduled_pages_go_live_and_expire_with_publish_scheduled(make_promo, home, client):
    from cms.models import PromoPage

    page = PromoPage(title="Flash", slug="flash", body=[("coupon", {"code": "FLASH-1", "text": ""})],
                     go_live_at=timezone.now() + datetime.timedelta(hours=1))
    home.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live
    assert client.get("/en/flash/").status_code == 404

    # the moment arrives
    moment = timezone.now() - datetime.timedelta(seconds=1)
    revision = page.latest_revision
    revision.approved_go_live_at = moment
    revision.content["go_live_at"] = moment.isoformat()
    revision.save()
    call_command("publish_scheduled")
    assert client.get("/en/flash/").status_code == 200

    # and expires
    Page.objects.filter(pk=page.pk).update(expire_at=timezone.now() - datetime.timedelta(seconds=1))
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.expired and not page.live
    assert client.get("/en/flash/").status_code == 404


def test_an_older_revision_can_be_restored(make_promo, client, admin_client, django_capture_on_commit_callbacks):
    page = make_promo([("coupon", {"code": "FIRST-1", "text": ""})])
    first = page.latest_revision
    page.body = [("coupon", {"code": "SECOND-2", "text": ""})]
    page.save_revision().publish()
    assert "SECOND-2" in client.get("/en/spring-sale/").content.decode()

    assert admin_client.get(f"/cms-admin/pages/{page.pk}/history/").status_code == 200
    revert = admin_client.get(f"/cms-admin/pages/{page.pk}/revisions/{first.pk}/revert/")
    assert revert.status_code == 200 and "FIRST-1" in revert.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        first.publish()

    assert "FIRST-1" in client.get("/en/spring-sale/").content.decode()


def test_a_page_locked_by_one_editor_cannot_be_changed_by_another(editor, django_user_model, make_promo):
    from cms.models import PromoPage

    page = make_promo([("coupon", {"code": "LOCK-1", "text": ""})])
    _user, first = editor
    _other, second = member(django_user_model, "olga", GROUP_NAMES[Role.EDITOR])

    assert first.post(f"/cms-admin/pages/{page.pk}/lock/").status_code == 302
    page.refresh_from_db()
    assert page.locked

    response = second.post(f"/cms-admin/pages/{page.pk}/edit/", promo_form("Hijacked", "spring-sale"))
    assert PromoPage.objects.get(pk=page.pk).get_latest_revision_as_object().title != "Hijacked"
    assert response.status_code in (200, 302, 403)


@pytest.mark.parametrize(("language", "expected"), [("en", "Skip to main content"), ("zh-hans", "跳到主要内容")])
def test_the_cms_admin_speaks_the_editor_s_language(editor, language, expected):
    from wagtail.users.models import UserProfile

    user, client = editor
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()

    response = client.get("/cms-admin/")

    assert response.status_code == 200
    assert f'lang="{language}"' in response.content.decode()
    html = response.content.decode()
    assert expected in html or json.dumps(expected) in html
