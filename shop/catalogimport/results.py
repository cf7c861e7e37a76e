"""What an import did (or, for a dry run, would do)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .rows import RowError


@dataclass
class ImportResult:
    """Counts, errors and warnings of one run.

    ``file_error`` is set when the file as a whole could not be imported
    (empty, binary, wrong encoding, missing columns). ``committed`` tells
    whether anything was saved: never for a dry run, never when a row failed
    without ``partial``.
    """

    dry_run: bool = False
    partial: bool = False
    rows_total: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    file_error: str = ""
    committed: bool = False
    product_ids: list[int] = field(default_factory=list)
    seconds: float = 0.0  # reading, checking and writing; the search index update is counted apart
    indexed: int = 0
    index_seconds: float = 0.0
    file_kind: str = ""
    encoding: str = ""
    delimiter: str = ""

    @property
    def failed(self) -> int:
        """Rows with at least one error."""
        return len({e.row for e in self.errors if e.row})

    @property
    def rejected(self) -> bool:
        """Nothing could be (or, in a dry run, would be) imported because of the errors."""
        return bool(self.file_error) or (bool(self.errors) and not self.partial)

    @property
    def rows_per_second(self) -> float:
        return self.rows_total / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        if self.file_error:
            return _("Nothing was imported: %(error)s") % {"error": self.file_error}
        counts = {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "failed": self.failed,
            "rows": self.rows_total,
        }
        if self.dry_run:
            text = (
                _(
                    "Dry run of %(rows)d rows: %(created)d would be created, %(updated)d updated, "
                    "%(unchanged)d unchanged, %(failed)d failed. Nothing was saved."
                )
                % counts
            )
            if self.rejected:
                text += " " + _("A real run would import nothing unless bad rows are skipped (partial mode).")
            return text
        if self.rejected:
            return (
                _(
                    "Nothing was imported: %(failed)d of %(rows)d rows have errors. Fix them, or import the good rows "
                    "only (partial mode)."
                )
                % counts
            )
        return (
            _(
                "Imported %(rows)d rows: %(created)d created, %(updated)d updated, %(unchanged)d unchanged, "
                "%(failed)d failed."
            )
            % counts
        )
