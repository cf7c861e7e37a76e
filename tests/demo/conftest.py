"""Fixtures for the demo-data tests: a quick password hasher and a private media folder."""

from __future__ import annotations

import pytest
from django.core.files.storage import FileSystemStorage


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def media(tmp_path, settings) -> FileSystemStorage:
    settings.MEDIA_ROOT = tmp_path / "media"
    return FileSystemStorage(location=settings.MEDIA_ROOT)
