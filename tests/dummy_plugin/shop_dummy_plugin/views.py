from __future__ import annotations

from typing import Any

from django.apps import apps
from django.http import HttpRequest, HttpResponse
from django.views.generic import TemplateView

from shop.plugins import state

from . import contract
from .models import DummyNote


def hello(request: HttpRequest) -> HttpResponse:
    """The storefront page: proves the plugin's URLs are mounted and switched."""
    return HttpResponse(contract.HELLO_TEXT, content_type="text/plain; charset=utf-8")


class DashboardIndexView(TemplateView):
    """The plugin's staff page (the core mounts it staff-only): its switch and its latest notes."""

    template_name = "dummy/dashboard/index.html"
    notes_shown = 20

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            plugin=apps.get_app_config(contract.LABEL),
            enabled=state.is_enabled(contract.LABEL),
            note_count=DummyNote.objects.count(),
            notes=DummyNote.objects.all()[: self.notes_shown],
        )
        return context
