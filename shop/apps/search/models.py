"""What operators edit for search: synonym sets applied when a query is built (no re-indexing)."""

from __future__ import annotations

import re

from django.db import models
from django.utils.translation import gettext_lazy as _

MAX_TERMS = 20
MAX_TERM_CHARS = 100
_SEPARATORS = re.compile(r"[\n\r,，=;；、|]+")


def split_terms(text: str) -> list[str]:
    """``中性笔 = 签字笔, gel pen`` -> ["中性笔", "签字笔", "gel pen"] (blank and repeated terms dropped)."""
    terms: dict[str, None] = {}
    for part in _SEPARATORS.split(text or ""):
        term = " ".join(part.split())
        if term and term.lower() not in {t.lower() for t in terms}:
            terms[term] = None
    return list(terms)


class SynonymSet(models.Model):
    """Terms a buyer may use for the same thing: a query for any of them matches all of them."""

    terms = models.TextField(
        _("Terms"),
        help_text=_("Two or more terms that mean the same, one per line or separated by commas or '='."),
    )
    note = models.CharField(_("Note"), max_length=200, blank=True)
    is_active = models.BooleanField(_("Active"), default=True)
    date_created = models.DateTimeField(_("Created"), auto_now_add=True)
    date_updated = models.DateTimeField(_("Updated"), auto_now=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("synonym set")
        verbose_name_plural = _("synonym sets")

    def __str__(self) -> str:
        return " = ".join(self.term_list())[:200]

    def term_list(self) -> list[str]:
        return split_terms(self.terms)
