"""Promotions: campaigns and promotion cards that editors place on CMS pages.

A plugin for the Inkstone shop core (label ``promotions``); see the distribution's README.
"""

__version__ = "0.1.0"
