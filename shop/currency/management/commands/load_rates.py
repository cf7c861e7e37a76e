"""``manage.py load_rates FILE_OR_URL``: load ECB reference rates, all or nothing."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from shop.currency.providers import ECBProvider, RateFileError
from shop.currency.services import store_batch


class Command(BaseCommand):
    help = "Load exchange rates in the European Central Bank's eurofxref XML format from a file or URL."

    def add_arguments(self, parser):
        parser.add_argument("source", help="a path or http(s) URL of an ECB eurofxref XML file")

    def handle(self, *args, source: str, **options):
        try:
            batch = ECBProvider(source).fetch()
        except RateFileError as exc:
            raise CommandError(f"{source}: {exc}. Nothing was loaded.") from None
        except OSError as exc:
            raise CommandError(f"{source}: cannot read: {exc}. Nothing was loaded.") from None
        result = store_batch(batch)
        self.stdout.write(
            self.style.SUCCESS(
                f"{result.created} rate(s) loaded, {result.unchanged} already known (newest: {result.newest or '-'})"
            )
        )
        if result.ignored:
            self.stdout.write(f"ignored (not traded here): {', '.join(result.ignored)}")
