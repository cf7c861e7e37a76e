"""The plugin's pages: storefront (quick order, reorder) and staff dashboard; each parses input and calls services."""
