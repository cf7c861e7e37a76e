"""Bulk catalog import: CSV and XLSX files of products upserted by supplier SKU."""
