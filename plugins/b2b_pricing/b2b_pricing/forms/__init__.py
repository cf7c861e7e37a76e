"""Forms: the storefront's quick order and the staff dashboard's editors."""
