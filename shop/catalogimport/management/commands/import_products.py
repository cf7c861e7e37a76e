"""``manage.py import_products FILE [--supplier CODE] [--mapping NAME] [--dry-run] [--partial]``."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from shop.catalogimport.mappings import ImportSetupError, find_mapping, find_supplier
from shop.catalogimport.results import ImportResult
from shop.catalogimport.services import import_catalog

MAX_ERRORS_SHOWN = 200


class Command(BaseCommand):
    help = (
        "Import products from a CSV or XLSX file for one supplier: upsert by the supplier's SKU. "
        "All-or-nothing unless --partial; --dry-run checks every row and saves nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="a .csv (any of , ; tab |; UTF-8 or GBK) or .xlsx file")
        parser.add_argument("--supplier", help="partner code (optional when there is only one partner)")
        parser.add_argument("--mapping", help="name of a saved column mapping (default: the supplier's 'default')")
        parser.add_argument("--dry-run", action="store_true", help="check every row, report, save nothing")
        parser.add_argument("--partial", action="store_true", help="import the good rows and report the bad ones")

    def handle(self, *args, **options) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        try:
            supplier = find_supplier(options["supplier"])
            mapping = find_mapping(supplier, options["mapping"])
        except ImportSetupError as exc:
            raise CommandError(str(exc)) from None
        bars: dict[str, tqdm] = {}
        quiet = options["verbosity"] == 0

        def progress(phase: str, done: int, total: int | None) -> None:
            bar = bars.get(phase)
            if bar is None:
                bar = bars[phase] = tqdm(total=total, desc=phase.capitalize(), unit="row", disable=quiet)
            if total and bar.total != total:
                bar.total = total
            bar.update(done - bar.n)
            if total and done >= total:
                bar.close()

        with path.open("rb") as source:
            result = import_catalog(
                source,
                supplier=supplier,
                mapping=mapping.columns if mapping else None,
                dry_run=options["dry_run"],
                partial=options["partial"],
                actor=f"manage.py import_products ({path.name})",
                file_name=path.name,
                progress=progress,
            )
        for bar in bars.values():
            bar.close()
        self._report(result, supplier, mapping)
        if result.rejected and not result.dry_run:
            raise CommandError(result.summary())

    def _report(self, result: ImportResult, supplier, mapping) -> None:
        details = [f"supplier {supplier.code}"]
        if mapping:
            details.append(f"mapping {mapping.name}")
        if result.file_kind:
            details.append(result.file_kind + (f" {result.encoding}" if result.encoding else ""))
        self.stdout.write(", ".join(details))
        for warning in result.warnings:
            self.stderr.write(self.style.WARNING(warning))
        for error in result.errors[:MAX_ERRORS_SHOWN]:
            self.stderr.write(str(error))
        if len(result.errors) > MAX_ERRORS_SHOWN:
            self.stderr.write(f"… and {len(result.errors) - MAX_ERRORS_SHOWN} more errors")
        if result.rejected and not result.dry_run:
            return
        style = self.style.WARNING if result.errors or result.file_error else self.style.SUCCESS
        self.stdout.write(style(result.summary()))
        if result.rows_total:
            self.stdout.write(
                f"{result.rows_total} rows in {result.seconds:.2f} s ({result.rows_per_second:.0f} rows/s)"
            )
        if result.indexed:
            self.stdout.write(
                f"search index: {result.indexed} products sent for re-indexing ({result.index_seconds:.2f} s)"
            )
