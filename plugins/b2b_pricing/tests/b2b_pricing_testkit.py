"""Helpers shared by the plugin's test modules (fixtures live in conftest.py)."""

from __future__ import annotations

from shop.plugins import state

LABEL = "b2b_pricing"
PEN_TIERS = [(1, 11, "3.50"), (12, 143, "3.20"), (144, None, "2.90")]


def switch(enabled: bool) -> None:
    """Flip the plugin's runtime switch as an operator would."""
    state.set_enabled(LABEL, enabled, source="command", actor="test")
