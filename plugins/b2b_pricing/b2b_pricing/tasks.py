"""Background work for Celery beat.

The plugin's ``beat_schedule`` (see :class:`b2b_pricing.apps.B2BPricingConfig`) puts
:func:`alert_ending_contracts` in the deployment's beat schedule, daily at 06:00
(``CELERY_TIMEZONE``), as ``b2b_pricing:contract-end-alerts``. Beat keeps calling it
while the plugin is switched off; it then does nothing.
"""

from __future__ import annotations

from celery import shared_task

from shop.plugins import state

from .apps import B2BPricingConfig
from .services import contracts


@shared_task(name="b2b_pricing.tasks.alert_ending_contracts")
def alert_ending_contracts() -> int:
    """Email staff about contract prices entering their end-alert window; returns how many were named."""
    if not state.is_enabled(B2BPricingConfig.label):
        return 0
    return contracts.send_end_alerts()
