"""The operators' plugin page in the dashboard."""

from __future__ import annotations

from django.apps import apps
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import state
from .models import PluginSwitch


def plugin_rows() -> list[dict]:
    states = state.states()
    rows = []
    for label, enabled in states.items():
        config = apps.get_app_config(label)
        rows.append(
            {
                "label": label,
                "name": config.display_name,
                "version": config.plugin_version,
                "description": config.plugin_description,
                "depends_on": config.depends_on,
                "enabled": enabled,
            }
        )
    return rows


@staff_member_required(login_url="customer:login")
def plugin_list(request: HttpRequest) -> HttpResponse:
    context = {
        "plugins": plugin_rows(),
        "switches": PluginSwitch.objects.select_related(None)[:20],
    }
    return render(request, "shop_plugins/dashboard/plugin_list.html", context)


@staff_member_required(login_url="customer:login")
@require_POST
def plugin_toggle(request: HttpRequest, label: str) -> HttpResponse:
    if label not in state.allowed_labels():
        raise Http404
    enable = request.POST.get("enabled") == "1"
    name = apps.get_app_config(label).display_name
    if state.set_enabled(label, enable, user=request.user, source=PluginSwitch.Source.DASHBOARD):
        if enable:
            messages.success(request, _("%(name)s is now enabled.") % {"name": name})
        else:
            messages.success(request, _("%(name)s is now disabled. Its data is kept.") % {"name": name})
    else:
        messages.info(request, _("Nothing changed: %(name)s was already in that state.") % {"name": name})
    return redirect("shop_plugins:list")
