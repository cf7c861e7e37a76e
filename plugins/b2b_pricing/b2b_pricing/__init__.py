"""B2B pricing: tiered business pricing: price lists, quantity breaks, contract prices and quick order.

A plugin for the Inkstone shop core (label ``b2b_pricing``); see the distribution's README.
"""

__version__ = "0.2.0"
