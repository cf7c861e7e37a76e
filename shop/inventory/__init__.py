"""Warehouses and per-warehouse stock behind Oscar's one-per-partner stock records."""
