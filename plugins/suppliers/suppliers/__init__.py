"""Suppliers: supplier onboarding with qualification documents, and quality audits of deliveries.

A plugin for the Inkstone shop core (label ``suppliers``); see the distribution's README.
"""

__version__ = "0.1.0"
