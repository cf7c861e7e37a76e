"""One demo account per role, each in its role's group; suppliers are linked to their partner."""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.password_validation import validate_password

from shop.core.roles import GROUP_NAMES, Role

from .site_data import ACCOUNTS

# Permissions a group needs for its role's back office; Wagtail's own "Editors" group brings its page permissions.
GROUP_PERMISSIONS = {
    Role.SUPPLIER: [("partner", "dashboard_access")],
    Role.EDITOR: [("wagtailadmin", "access_admin")],
}


class DemoLogin(NamedTuple):
    role: str
    username: str
    email: str
    password: str
    created: bool


def ensure_groups(created: Counter[str]) -> dict[Role, Group]:
    """The role groups of ``shop.core.roles``, with the permissions their back office needs."""
    groups = {}
    for role, name in GROUP_NAMES.items():
        groups[role], is_new = Group.objects.get_or_create(name=name)
        if is_new:
            created["groups"] += 1
            for app_label, codename in GROUP_PERMISSIONS.get(role, []):
                permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
                groups[role].permissions.add(permission)
            if role == Role.EDITOR:
                _grant_page_editing(groups[role])
    return groups


def _grant_page_editing(group: Group) -> None:
    """The CMS rights of editors (draft, edit, lock; publishing goes through approvers), for a re-created group."""
    from cms.editorial import grant_editor_rights

    grant_editor_rights(group)


def ensure_accounts(partners: dict, created: Counter[str]) -> list[DemoLogin]:
    """Create the missing demo accounts; existing accounts are left as they are (passwords included)."""
    User = get_user_model()
    groups = ensure_groups(created)
    existing = {u.username: u for u in User.objects.filter(username__in=[a.username for a in ACCOUNTS])}
    logins = []
    for spec in ACCOUNTS:
        user = existing.get(spec.username)
        is_new = user is None
        if is_new:
            user = User(
                username=spec.username, email=spec.email, first_name=spec.first_name, last_name=spec.last_name,
                is_staff=spec.role == Role.OPERATOR, is_superuser=spec.role == Role.OPERATOR,
            )
            validate_password(spec.password, user)
            user.set_password(spec.password)
            user.save()
            user.groups.add(groups[spec.role])
            if spec.partner:
                partners[spec.partner].users.add(user)
            created["accounts"] += 1
        logins.append(DemoLogin(str(spec.role.label), spec.username, spec.email, spec.password, is_new))
    return logins
