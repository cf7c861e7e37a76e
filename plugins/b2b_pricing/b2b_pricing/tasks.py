"""Background work for Celery beat.

Schedule it daily in the deployment's beat schedule, e.g.
``CELERY_BEAT_SCHEDULE["b2b-pricing-contract-alerts"] = {"task": "b2b_pricing.tasks.alert_ending_contracts",
"schedule": 24 * 3600}``. It does nothing while the plugin is switched off.
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
