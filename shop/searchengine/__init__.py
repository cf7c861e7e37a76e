"""Haystack search backends owned by the project: the embedded engine and Elasticsearch 8/9."""
