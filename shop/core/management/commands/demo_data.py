"""``manage.py demo_data``: a bilingual stationery catalog with suppliers, stock, demo accounts and a home page."""

from __future__ import annotations

import time

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from cms.demo import ensure_demo_pages
from shop.demo.accounts import DemoLogin
from shop.demo.builder import BuildReport, DemoBuilder
from shop.demo.site_data import ACCOUNTS

NEXT_STEP = "python manage.py search_reindex"


class Command(BaseCommand):
    help = (
        "Load the demo catalog (bilingual stationery products, suppliers with warehouse stock), one demo account "
        "per role and the CMS home page. Safe to run again: only what is missing is added. "
        "Does not touch the search index."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--products", type=int, default=2000, metavar="N",
            help="how many products the demo catalog should hold (default 2000)",
        )
        parser.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
        parser.add_argument("--logins", action="store_true", help="only print the demo logins")

    def handle(self, *args, products: int, quiet: bool, logins: bool, **options) -> None:
        if logins:
            self._print_logins(self._existing_logins(), after_build=False)
            return
        if products < 0:
            raise CommandError("--products: expected 0 or more")
        started = time.perf_counter()
        try:
            report = DemoBuilder(products, progress=not quiet).build()
        except ValidationError as exc:
            raise CommandError(f"demo data not loaded, nothing was changed: {'; '.join(exc.messages)}") from exc
        ensure_demo_pages(report.created)  # after the build committed: the Chinese home page exists then
        if quiet:
            return
        self._print_summary(report, time.perf_counter() - started)
        self._print_logins(report.logins)
        self.stdout.write(f"\nNext step: build the search index with `{NEXT_STEP}`.")

    def _print_summary(self, report: BuildReport, seconds: float) -> None:
        if report.products_defined < report.products_requested:
            self.stdout.write(self.style.WARNING(
                f"The demo catalog defines {report.products_defined:,} distinct products; "
                f"{report.products_requested:,} were asked for."
            ))
        if report.nothing_new:
            self.stdout.write(self.style.SUCCESS(
                f"Nothing new: the demo data is already in place ({report.products_total:,} products)."
            ))
            return
        self.stdout.write(self.style.SUCCESS(f"Demo data loaded in {seconds:.1f} s. Created:"))
        for name, count in report.created.items():
            if count:
                self.stdout.write(f"  {count:>7,}  {name}")
        self.stdout.write(f"The catalog now holds {report.products_total:,} products.")

    def _existing_logins(self) -> list[DemoLogin]:
        from django.contrib.auth import get_user_model

        existing = set(get_user_model().objects.filter(username__in=[a.username for a in ACCOUNTS])
                       .values_list("username", flat=True))
        return [
            DemoLogin(str(a.role.label), a.username, a.email, a.password, False)
            for a in ACCOUNTS
            if a.username in existing
        ]

    def _print_logins(self, logins: list[DemoLogin], after_build: bool = True) -> None:
        if not logins:
            self.stdout.write("No demo accounts yet: run `python manage.py demo_data`.")
            return
        self.stdout.write("\nDemo logins (fixed demo passwords: never load demo data on a public site)")
        rows = [("role", "username", "email (shop sign-in)", "password")]
        rows += [(x.role, x.username, x.email, x.password) for x in logins]
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        line = "-+-".join("-" * w for w in widths)
        for i, row in enumerate(rows):
            self.stdout.write(" | ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
            if i == 0:
                self.stdout.write(line)
        unchanged = [x.username for x in logins if not x.created]
        if after_build and unchanged:
            self.stdout.write(f"(accounts that existed before this run keep their password: {', '.join(unchanged)})")
        self.stdout.write("Shop: /en/   Dashboard: /en/dashboard/   CMS: /cms-admin/ (username and password)")
        self.stdout.write(
            "Companies: retailer, distributor and supplier each administer their company (Company → Inventory); "
            "demo orders DEMO-1001…1005 are at /en/accounts/company/orders/, /en/orders/supplier/ and "
            "/en/dashboard/b2b-orders/"
        )
