"""The stationery B2B commerce framework: project package (settings, plugin framework, services)."""

__version__ = "0.1.0"

from .celery import app as celery_app  # noqa: E402

__all__ = ["__version__", "celery_app"]
