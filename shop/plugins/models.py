from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PluginState(models.Model):
    """The runtime switch of one plugin in this deployment. No row = enabled."""

    label = models.CharField(_("plugin"), max_length=100, unique=True)
    enabled = models.BooleanField(_("enabled"), default=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("plugin state")
        verbose_name_plural = _("plugin states")
        ordering = ["label"]

    def __str__(self) -> str:
        return f"{self.label}: {'on' if self.enabled else 'off'}"


class PluginSwitch(models.Model):
    """One flip of a switch: who, when, from where. Never edited, never deleted."""

    class Source(models.TextChoices):
        DASHBOARD = "dashboard", _("dashboard")
        COMMAND = "command", _("command line")

    label = models.CharField(_("plugin"), max_length=100, db_index=True)
    enabled = models.BooleanField(_("enabled"))
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_by_name = models.CharField(_("changed by"), max_length=150, blank=True)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    changed_at = models.DateTimeField(_("changed at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("plugin switch")
        verbose_name_plural = _("plugin switches")
        ordering = ["-changed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.label} {'enabled' if self.enabled else 'disabled'} by {self.changed_by_name or '?'}"
