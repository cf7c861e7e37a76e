"""Prove that every warehouse line equals the sum of its stock movements; exit 1 listing any drift."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from shop.inventory.checks import line_drift, record_drift
from shop.inventory.models import WarehouseStock


class Command(BaseCommand):
    help = "Check that stock levels are the sum of the stock ledger (exit status 1 and a listing on drift)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--no-progress", action="store_true", help="Do not show the progress bar.")
        parser.add_argument("--limit", type=int, default=50, help="List at most this many problems (default 50).")

    def handle(self, *args, no_progress: bool = False, limit: int = 50, **options) -> None:
        total = WarehouseStock.objects.count()
        quiet = no_progress or options["verbosity"] < 1
        with tqdm(total=total, desc="Warehouse lines", unit="line", disable=quiet, file=self.stderr._out) as bar:
            problems = list(line_drift(progress=bar.update))
        problems += list(record_drift())
        if not problems:
            self.stdout.write(self.style.SUCCESS(f"OK: {total} warehouse lines match the stock ledger."))
            return
        for problem in problems[:limit]:
            self.stdout.write(f"{problem.what}: {problem.key}: stored {problem.stored}, expected {problem.expected}")
        if len(problems) > limit:
            self.stdout.write(f"… and {len(problems) - limit} more")
        raise CommandError(f"{len(problems)} stock level(s) drifted from the ledger")
