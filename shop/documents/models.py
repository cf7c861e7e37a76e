from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrderDocuments(models.Model):
    """Per order: the language the buyer ordered in, and whether the confirmation went out.

    The confirmation email and the invoice are written in that language,
    whatever language the buyer (or a worker process) happens to use later.
    """

    order = models.OneToOneField("order.Order", on_delete=models.CASCADE, related_name="documents")
    language = models.CharField(_("language"), max_length=15)
    confirmation_sent_at = models.DateTimeField(_("confirmation sent at"), null=True, blank=True)
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("order documents")
        verbose_name_plural = _("order documents")

    def __str__(self) -> str:
        return f"{self.order_id}: {self.language}"
