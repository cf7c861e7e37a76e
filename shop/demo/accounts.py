"""One demo account per role, each in its role's group; suppliers are linked to their partner."""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.password_validation import validate_password
from wagtail.models import GroupPagePermission, Page

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
    """What Wagtail's migration gives its "Editors" group, for when that group had been deleted."""
    root = Page.get_first_root_node()
    for codename in ("add_page", "change_page", "publish_page"):
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)


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
