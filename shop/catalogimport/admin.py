from django.contrib import admin

from .models import ColumnMapping, ImportJob


@admin.register(ColumnMapping)
class ColumnMappingAdmin(admin.ModelAdmin):
    list_display = ("name", "partner", "date_updated")
    list_filter = ("partner",)
    search_fields = ("name", "partner__name", "partner__code")


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = ("id", "file_name", "partner", "status", "created", "updated", "unchanged", "failed", "date_created")
    list_filter = ("status", "dry_run", "partial")
    exclude = ("file",)  # stored privately: no URL to link to
    readonly_fields = [f.name for f in ImportJob._meta.fields if f.name != "file"]

    def has_add_permission(self, request) -> bool:
        return False
