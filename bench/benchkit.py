"""What the self-contained benchmarks share: a private SQLite database and var dir, and their results section.

Run a benchmark as ``.venv/bin/python bench/<name>.py``: its folder is then on
``sys.path``, so ``import benchkit`` works; importing it puts the project root
there too, for ``shop`` and the plugins.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def isolated_environment(prefix: str, plugins: str, **settings: str) -> Path:
    """A temporary var dir holding the benchmark's own SQLite database; call before Django is imported."""
    tmp = Path(tempfile.mkdtemp(prefix=prefix))
    os.environ["SHOP_PLUGINS"] = plugins
    os.environ["SHOP_VAR_DIR"] = str(tmp)
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp / 'bench.sqlite3'}"
    os.environ.update(settings)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    return tmp


def prepare_database(tmp: Path, candidates: Iterable[Path]) -> str:
    """Copy the first migrated test database found (fast), set Django up, migrate what is missing; says how."""
    source = next((c for c in candidates if c.exists()), None)
    if source is not None:
        shutil.copyfile(source, tmp / "bench.sqlite3")
    import django
    from django.core.management import call_command

    django.setup()
    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    how = f"copied {source.name}" if source else "migrated from scratch"
    return f"{how}, migrate {time.perf_counter() - started:.1f} s"


def record_section(path: Path, heading: str, text: str) -> None:
    """Replace the section under ``heading`` of a results file with ``text`` (read fresh: others write theirs)."""
    current = path.read_text() if path.exists() else "# Benchmark results\n"
    if heading in current:
        start = current.index(heading)
        following = current.find("\n## ", start + len(heading))
        current = current[:start].rstrip() + "\n\n" + (current[following + 1:] if following != -1 else "")
    path.write_text(current.rstrip() + "\n\n" + text.rstrip() + "\n")
