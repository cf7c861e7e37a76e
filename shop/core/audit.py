"""Writing the audit log of staff actions."""

from __future__ import annotations

from typing import Any

from .models import AuditEntry


def record(actor, action: str, obj: Any = None, data: dict | None = None) -> AuditEntry:
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        actor_name=(actor.get_username() if getattr(actor, "pk", None) else str(actor or ""))[:150],
        action=action,
        object_type=obj._meta.label if obj is not None and hasattr(obj, "_meta") else "",
        object_id=str(getattr(obj, "pk", "") or ""),
        object_repr=str(obj)[:255] if obj is not None else "",
        data=data or {},
    )
