"""Invitations by email: signed, expiring links; accept signs up or attaches; revoke; tampering; re-inviting refused."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from shop.companies import services
from shop.companies.models import Invitation, Membership
from shop.companies.selection import SESSION_KEY

from .conftest import PASSWORD, join

pytestmark = pytest.mark.django_db


def _invite(client, admin, email="new@alpha.example", role="buyer"):
    client.force_login(admin)
    return client.post(reverse("companies:member-invite"), {"email": email, "role": role}, follow=True)


def _link_in_last_email() -> str:
    message = mail.outbox[-1]
    match = re.search(r"http://testserver(/\S+/invitations/accept/[^/\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_an_admin_invites_by_email_with_a_signed_link(client, admin_a, company_a):
    response = _invite(client, admin_a)
    assert "Invitation sent to new@alpha.example." in response.content.decode()
    message = mail.outbox[-1]
    assert message.to == ["new@alpha.example"]
    assert "Alpha Stationers" in message.subject
    assert message.alternatives and "text/html" in message.alternatives[0][1]
    invitation = Invitation.objects.get(email="new@alpha.example")
    assert (invitation.company, invitation.role, invitation.status) == (company_a, "buyer", "pending")
    assert _link_in_last_email().startswith("/en/accounts/company/invitations/accept/")


def test_the_invitee_signs_up_from_the_link_and_joins(client, admin_a, company_a):
    _invite(client, admin_a, role="viewer")
    link = _link_in_last_email()
    client.logout()
    page = client.get(link)
    assert page.status_code == 200
    assert "Create account and join" in page.content.decode()
    response = client.post(
        link, {"first_name": "Nia", "last_name": "Wu", "password1": PASSWORD, "password2": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("companies:home")
    membership = Membership.objects.get(user__email="new@alpha.example")
    assert (membership.company, membership.role) == (company_a, "viewer")
    assert response.wsgi_request.user.email == "new@alpha.example"
    assert client.session[SESSION_KEY] == company_a.pk
    assert Invitation.objects.get().status == Invitation.Status.ACCEPTED
    # a retailer's new member shops as a retail buyer: the navigation shows the company pages
    assert list(membership.user.groups.values_list("name", flat=True)) == ["Retail buyers"]
    assert f'href="{reverse("companies:order-list")}"' in response.content.decode()


def test_a_weak_password_is_refused_and_nothing_is_created(client, admin_a, django_user_model):
    _invite(client, admin_a)
    link = _link_in_last_email()
    client.logout()
    response = client.post(link, {"password1": "12345", "password2": "12345"})
    assert response.status_code == 400
    assert not django_user_model.objects.filter(email="new@alpha.example").exists()
    assert Invitation.objects.get().status == Invitation.Status.PENDING


def test_an_existing_account_signs_in_and_is_attached(client, admin_a, company_a, make_user, company_b):
    existing = make_user("new@alpha.example")
    join(existing, company_b)
    _invite(client, admin_a)
    link = _link_in_last_email()
    client.logout()
    page = client.get(link).content.decode()
    assert "Sign in to accept" in page
    client.force_login(existing)
    response = client.post(link, follow=True)
    assert response.redirect_chain[-1][0] == reverse("companies:home")
    assert set(existing.company_memberships.values_list("company__name", flat=True)) == {
        "Alpha Stationers",
        "Beta Office Supply",
    }
    assert response.wsgi_request.company == company_a  # the new company becomes the active one


def test_an_anonymous_post_for_an_existing_account_goes_to_sign_in(client, admin_a, make_user):
    make_user("new@alpha.example")
    _invite(client, admin_a)
    link = _link_in_last_email()
    client.logout()
    response = client.post(link, {"password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("customer:login"))


def test_signed_in_as_someone_else_the_invitation_is_not_taken(client, admin_a, buyer_a):
    _invite(client, admin_a)
    link = _link_in_last_email()
    client.force_login(buyer_a)
    page = client.get(link).content.decode()
    assert "but this invitation is for new@alpha.example" in page
    response = client.post(link)
    assert response.status_code == 400
    assert Invitation.objects.get().status == Invitation.Status.PENDING


def test_an_expired_invitation_cannot_be_used(client, admin_a, make_user):
    _invite(client, admin_a)
    link = _link_in_last_email()
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    client.force_login(make_user("new@alpha.example"))
    for response in (client.get(link), client.post(link)):
        assert response.status_code == 410
        assert "This invitation has expired" in response.content.decode()
    assert not Membership.objects.filter(user__email="new@alpha.example").exists()


def test_a_token_older_than_the_signature_lifetime_is_expired(client, admin_a, settings):
    _invite(client, admin_a)
    link = _link_in_last_email()
    settings.COMPANY_INVITATION_DAYS = 0
    response = client.get(link)
    assert response.status_code == 410


def test_a_revoked_invitation_cannot_be_used(client, admin_a, make_user):
    _invite(client, admin_a)
    link = _link_in_last_email()
    invitation = Invitation.objects.get()
    response = client.post(reverse("companies:invitation-revoke", kwargs={"pk": invitation.pk}), follow=True)
    assert "was revoked" in response.content.decode()
    client.force_login(make_user("new@alpha.example"))
    response = client.post(link)
    assert response.status_code == 410
    assert "withdrawn" in response.content.decode()
    assert not Membership.objects.filter(user__email="new@alpha.example").exists()


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-2] + ("AA" if not token.endswith("AA") else "BB"),  # signature changed
        lambda token: "x" + token,  # payload changed
        lambda token: "nonsense",
    ],
)
def test_a_tampered_link_is_404(client, admin_a, tamper):
    _invite(client, admin_a)
    link = _link_in_last_email()
    token = link.rstrip("/").rsplit("/", 1)[1]
    response = client.get(link.replace(token, tamper(token)))
    assert response.status_code == 404
    assert "This invitation link is not valid" in response.content.decode()


def test_a_token_signed_for_another_invitation_key_is_refused(admin_a, company_a):
    invitation = services.invite(company_a, "x@alpha.example", "buyer", admin_a)
    token = services.invitation_token(invitation)
    Invitation.objects.filter(pk=invitation.pk).update(key="another-key")
    with pytest.raises(services.InvitationError) as error:
        services.invitation_from_token(token)
    assert error.value.reason == "invalid"


def test_an_accepted_invitation_works_once(client, admin_a, make_user):
    _invite(client, admin_a)
    link = _link_in_last_email()
    client.force_login(make_user("new@alpha.example"))
    assert client.post(link).status_code == 302
    response = client.get(link)
    assert response.status_code == 410
    assert "already been accepted" in response.content.decode()


def test_reinviting_a_member_is_refused_with_a_message(client, admin_a, buyer_a):
    response = _invite(client, admin_a, email="BOB@alpha.example")
    assert response.status_code == 200
    assert "BOB@alpha.example is already a member of Alpha Stationers." in response.content.decode()
    assert not Invitation.objects.exists()
    assert not mail.outbox


def test_a_second_pending_invitation_to_the_same_address_is_refused(client, admin_a):
    _invite(client, admin_a)
    response = _invite(client, admin_a, email="New@Alpha.example")
    assert "already has a pending invitation" in response.content.decode()
    assert Invitation.objects.count() == 1


def test_buyers_cannot_invite(client, buyer_a):
    client.force_login(buyer_a)
    response = client.post(reverse("companies:member-invite"), {"email": "x@example.com", "role": "admin"})
    assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_an_invitation_of_another_company_cannot_be_revoked(client, admin_a, admin_b, company_b):
    theirs = services.invite(company_b, "z@beta.example", "buyer", admin_b)
    client.force_login(admin_a)
    response = client.post(reverse("companies:invitation-revoke", kwargs={"pk": theirs.pk}))
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == Invitation.Status.PENDING


def test_the_email_is_written_in_the_inviters_language(client, admin_a):
    client.force_login(admin_a)
    client.post("/zh-hans/accounts/company/members/invite/", {"email": "li@alpha.example", "role": "buyer"})
    invitation = Invitation.objects.get()
    assert invitation.language == "zh-hans"
    assert "/zh-hans/accounts/company/invitations/accept/" in mail.outbox[-1].body
