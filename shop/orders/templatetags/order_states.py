"""``{{ order.status|status_label }}``: an Oscar order status shown in the reader's language."""

from __future__ import annotations

from django import template

from ..lifecycle import STATE_OF_STATUS, state_label

register = template.Library()


@register.filter
def status_label(status: str) -> str:
    state = STATE_OF_STATUS.get(status)
    return state_label(state) if state else status
