"""Encryption at rest for a company's tax id and bank account details.

Library choice: **djfernet-redux** (import name ``fernet_fields``), the maintained
continuation of django-fernet-fields / djfernet. Why this one among the many
"encrypted field" packages on PyPI:

* it is a thin layer over ``cryptography``'s Fernet (AES-128-CBC + HMAC-SHA256,
  authenticated, random IV per value) — no home-made cryptography;
* key rotation through ``MultiFernet``: ``FERNET_KEYS[0]`` encrypts, every key
  in the list decrypts, and re-saving a row re-encrypts it with the first key;
* a value that no configured key can decrypt raises ``DecryptionError`` instead
  of silently handing back the ciphertext (as django-fernet-encrypted-fields and
  django-encrypted-model-fields do), so a lost key is noticed, not shown;
* lookups on encrypted columns raise ``FieldError`` — nobody filters on
  ciphertext by mistake; keys are read lazily (not at import time);
* it is released for Django 5.2 / 6.x and tested on PostgreSQL with psycopg 3
  and on SQLite, the two databases this project runs on; its data format is
  that of django-fernet-fields, so a switch back to a sibling fork is a
  requirement change, not a data migration.

Keys come from the ``FIELD_ENCRYPTION_KEY`` environment setting (a comma list:
the first key encrypts, the others only decrypt while data is being rotated),
turned into ``FERNET_KEYS`` in settings. Production refuses to start without it;
development and tests use a fixed, clearly named development key.

Rotation: put the new key first, keep the old one after it, run
``manage.py companies_rotate_keys`` and then drop the old key.
"""

from __future__ import annotations

from fernet_fields import DecryptionError, EncryptedCharField, EncryptedTextField

__all__ = ["DecryptionError", "EncryptedCharField", "EncryptedTextField", "ENCRYPTED_COMPANY_FIELDS"]

#: The Company fields that hold secrets; re-saved by key rotation, never logged or audited in clear.
ENCRYPTED_COMPANY_FIELDS = ("tax_id", "bank_account")
