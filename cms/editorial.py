"""Who may do what in the CMS: editors draft, approvers publish, through a Wagtail workflow.

* **Editors** (``shop.core.roles`` names the group) reach the CMS admin, add, edit and
  lock pages, upload and choose images and documents — but cannot publish: they submit
  pages to the "Campaign approval" workflow.
* **Approvers** approve or reject in that workflow's task and may publish directly.

Set up once, when no "Campaign approval" workflow exists yet (after migrate and by the
demo data); later changes made by operators in the admin are left alone.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext_noop

from shop.core.roles import GROUP_NAMES, Role

WORKFLOW_NAME = gettext_noop("Campaign approval")
TASK_NAME = gettext_noop("Approver sign-off")
APPROVERS_GROUP = "Approvers"

EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "lock_page")
APPROVER_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
#: (app label, codename) of model permissions: admin access, images and documents in the root collection.
ADMIN_ACCESS = ("wagtailadmin", "access_admin")
COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _grant(group: Group, page_codenames: tuple[str, ...]) -> None:
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
    GroupPagePermission.objects.filter(group=group, page=root_page).exclude(
        permission__codename__in=page_codenames
    ).delete()
    for codename in page_codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=root_page, permission=_permission("wagtailcore", codename)
        )
    group.permissions.add(_permission(*ADMIN_ACCESS))
    for app_label, codename in COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root_collection, permission=_permission(app_label, codename)
        )


@transaction.atomic
def grant_editor_rights(group: Group) -> None:
    """Give ``group`` what editors may do in the CMS: draft, edit and lock pages (approvers publish)."""
    _grant(group, EDITOR_PAGE_PERMISSIONS)


def ensure_editorial_setup() -> bool:
    """Create the groups' CMS permissions and the approval workflow if missing; ``True`` if it did."""
    from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowTask

    if Workflow.objects.filter(name=WORKFLOW_NAME).exists():
        return False
    root = Page.get_first_root_node()
    if root is None:
        return False
    editors, _created = Group.objects.get_or_create(name=GROUP_NAMES[Role.EDITOR])
    approvers, _created = Group.objects.get_or_create(name=APPROVERS_GROUP)
    _grant(editors, EDITOR_PAGE_PERMISSIONS)
    _grant(approvers, APPROVER_PAGE_PERMISSIONS)

    workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.set([approvers])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    return True
