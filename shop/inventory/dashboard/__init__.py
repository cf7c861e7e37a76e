"""Staff pages of the inventory: warehouses, stock, the ledger, adjustments, transfers, alerts."""
