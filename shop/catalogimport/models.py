"""Column mappings saved per supplier, and the record of each dashboard import."""

from __future__ import annotations

import os
import uuid

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

#: Most per-row errors an ImportJob keeps (the counts stay exact).
MAX_STORED_ERRORS = 1000


class ImportFileStorage(FileSystemStorage):
    """Uploaded import files under ``MEDIA_ROOT/imports/``; they have no public URL."""

    @cached_property
    def base_location(self) -> str:
        return os.path.join(settings.MEDIA_ROOT, "imports")

    def url(self, name: str | None) -> str:
        raise ValueError("import files are never served by URL; use the staff download view")


def import_file_storage() -> ImportFileStorage:
    return ImportFileStorage()


def import_file_name(instance: ImportJob, filename: str) -> str:
    """An unguessable name; the original one is kept in ``ImportJob.file_name``."""
    extension = os.path.splitext(filename)[1].lower()
    return f"{uuid.uuid4().hex}{extension if extension in {'.csv', '.xlsx'} else ''}"


class ColumnMapping(models.Model):
    """How the columns of one supplier's files map to the import's fields.

    ``columns`` maps a source column header to a target field, e.g.
    ``{"货号": "sku", "名称": "title_zh_hans", "单价": "price", "颜色": "colour"}``.
    A target is a canonical field (see ``shop.catalogimport.columns``) or an
    attribute code; an empty target ignores the column. Headers not listed
    are read as canonical headers or attribute columns. A supplier's mapping
    named ``default`` applies when an import names none; a mapping without a
    supplier is shared by all suppliers.
    """

    partner = models.ForeignKey(
        "partner.Partner",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="column_mappings",
        verbose_name=_("supplier"),
        help_text=_("Leave empty for a mapping every supplier can use."),
    )
    name = models.SlugField(_("name"), max_length=64)
    columns = models.JSONField(_("columns"), default=dict, blank=True)
    date_created = models.DateTimeField(_("date created"), auto_now_add=True)
    date_updated = models.DateTimeField(_("date updated"), auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["partner", "name"], name="catalogimport_mapping_unique_per_partner"),
            models.UniqueConstraint(
                fields=["name"], condition=Q(partner__isnull=True), name="catalogimport_shared_mapping_unique"
            ),
        ]
        ordering = ["partner__name", "name"]
        verbose_name = _("column mapping")
        verbose_name_plural = _("column mappings")

    def __str__(self) -> str:
        return f"{self.partner or _('all suppliers')}: {self.name}"


class ImportJob(models.Model):
    """One upload from the dashboard: its file, options, progress and outcome."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        FINISHED = "finished", _("Finished")
        REJECTED = "rejected", _("Rejected, nothing imported")
        FAILED = "failed", _("Failed")

    file = models.FileField(_("file"), storage=import_file_storage, upload_to=import_file_name, max_length=255)
    file_name = models.CharField(_("file name"), max_length=255)
    file_size = models.PositiveBigIntegerField(_("file size"), default=0)
    partner = models.ForeignKey(
        "partner.Partner", on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("supplier")
    )
    mapping = models.ForeignKey(
        ColumnMapping, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("mapping")
    )
    dry_run = models.BooleanField(_("dry run"), default=False)
    partial = models.BooleanField(_("import good rows, report bad ones"), default=False)
    language = models.CharField(_("language"), max_length=16, default="en")
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.QUEUED)
    rows_total = models.PositiveIntegerField(_("rows"), default=0)
    created = models.PositiveIntegerField(_("created"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    failed = models.PositiveIntegerField(_("failed"), default=0)
    errors = models.JSONField(_("row errors"), default=list, blank=True)
    errors_total = models.PositiveIntegerField(_("row errors in total"), default=0)
    warnings = models.JSONField(_("warnings"), default=list, blank=True)
    message = models.TextField(_("message"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("by")
    )
    date_created = models.DateTimeField(_("date created"), auto_now_add=True, db_index=True)
    date_started = models.DateTimeField(_("started"), null=True, blank=True)
    date_finished = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-date_created", "-id"]
        verbose_name = _("import job")
        verbose_name_plural = _("import jobs")

    def __str__(self) -> str:
        return f"#{self.pk} {self.file_name} ({self.get_status_display()})"

    @property
    def is_done(self) -> bool:
        return self.status in {self.Status.FINISHED, self.Status.REJECTED, self.Status.FAILED}
