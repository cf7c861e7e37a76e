"""Every message catalog of the project and its plugins is fully translated.

An untranslated or fuzzy entry shows English in the middle of a Chinese page
(gettext skips fuzzy entries), so a catalog with either fails here. A translation
that names a placeholder its source lacks would raise at render time, so that fails too.
"""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOG_PATTERNS = (
    "locale/*/LC_MESSAGES/*.po",  # the project's own strings
    "shop/*/locale/*/LC_MESSAGES/*.po",  # an app of the project that keeps its own catalog
    "shop/apps/**/locale/*/LC_MESSAGES/*.po",  # a forked Oscar app's own catalog (checkout, dashboard.catalogue)
    "cms/locale/*/LC_MESSAGES/*.po",
    "plugins/*/*/locale/*/LC_MESSAGES/*.po",  # each plugin distribution's catalog
)
CATALOGS = sorted(path for pattern in CATALOG_PATTERNS for path in ROOT.glob(pattern))

NAMED = re.compile(r"%\((\w+)\)[#0\- +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]")
POSITIONAL = re.compile(r"%(?!\()[#0\- +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]")


def catalog_id(path: Path) -> str:
    return str(path.relative_to(ROOT))


def live_entries(catalog: polib.POFile) -> list[polib.POEntry]:
    return [entry for entry in catalog if not entry.obsolete]


def translations_of(entry: polib.POEntry) -> list[str]:
    if entry.msgid_plural:
        return [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def test_the_project_catalog_exists():
    assert ROOT / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po" in CATALOGS


@pytest.mark.parametrize("path", CATALOGS, ids=catalog_id)
def test_catalog_has_no_untranslated_entries(path):
    catalog = polib.pofile(str(path))

    untranslated = [
        entry.msgid for entry in live_entries(catalog) if not all(text.strip() for text in translations_of(entry))
    ]

    assert untranslated == [], f"{catalog_id(path)}: {len(untranslated)} untranslated: {untranslated[:10]}"


@pytest.mark.parametrize("path", CATALOGS, ids=catalog_id)
def test_catalog_has_no_fuzzy_entries(path):
    catalog = polib.pofile(str(path))

    fuzzy = [entry.msgid for entry in live_entries(catalog) if "fuzzy" in entry.flags]

    assert not catalog.metadata_is_fuzzy, f"{catalog_id(path)}: the header is marked fuzzy"
    assert fuzzy == [], f"{catalog_id(path)}: {len(fuzzy)} fuzzy: {fuzzy[:10]}"


@pytest.mark.parametrize("path", CATALOGS, ids=catalog_id)
def test_translations_use_only_the_placeholders_of_their_source(path):
    catalog = polib.pofile(str(path))
    wrong = []

    for entry in live_entries(catalog):
        if "python-format" not in entry.flags:
            continue
        source = entry.msgid + entry.msgid_plural
        allowed = set(NAMED.findall(source))
        positional = len(POSITIONAL.findall(entry.msgid.replace("%%", "")))
        for text in translations_of(entry):
            unknown = set(NAMED.findall(text)) - allowed
            count_differs = not entry.msgid_plural and len(POSITIONAL.findall(text.replace("%%", ""))) != positional
            if unknown or count_differs:
                wrong.append(entry.msgid)

    assert wrong == [], f"{catalog_id(path)}: placeholders differ from the source in {wrong[:10]}"
