"""Re-encrypt every company's secrets with the first key of FIELD_ENCRYPTION_KEY (after adding a new key)."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db import transaction

from shop.companies.encryption import ENCRYPTED_COMPANY_FIELDS
from shop.companies.models import Company


class Command(BaseCommand):
    help = (
        "Re-encrypt company tax ids and bank account details with the newest key. Put the new key first in "
        "FIELD_ENCRYPTION_KEY, keep the old one after it, run this, then remove the old key."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args, batch_size: int, **options):
        done = 0
        ids = list(Company.objects.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), batch_size):
            with transaction.atomic():
                for company in Company.objects.select_for_update().filter(pk__in=ids[start : start + batch_size]):
                    company.save(update_fields=list(ENCRYPTED_COMPANY_FIELDS))
                    done += 1
        self.stdout.write(self.style.SUCCESS(f"Re-encrypted the secrets of {done} companies."))
