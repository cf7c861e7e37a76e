"""Storefront pages of company accounts (at ``/<lang>/accounts/company/``)."""
