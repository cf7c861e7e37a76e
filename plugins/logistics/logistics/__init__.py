"""Logistics: shipping methods, carriers and delivery routes for business orders.

A plugin for the Inkstone shop core (label ``logistics``); see the distribution's README.
"""

__version__ = "0.1.0"
