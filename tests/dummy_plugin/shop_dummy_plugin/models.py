from django.db import models
from django.utils.translation import gettext_lazy as _


class DummyNote(models.Model):
    """A line of text the dummy plugin keeps, so tests can see data survive a switch-off."""

    text = models.TextField(_("text"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("dummy note")
        verbose_name_plural = _("dummy notes")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.text
