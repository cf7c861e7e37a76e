"""Exchange-rate providers. One real one: the European Central Bank's daily reference rates.

The ECB publishes ``eurofxref-daily.xml`` (and the 90-day and historical
variants) as ``<Cube time="YYYY-MM-DD"><Cube currency="USD" rate="1.0950"/>…``
with every rate quoted against EUR. :class:`ECBProvider` reads that format from
a file path or an http(s) URL and reports the line of anything it cannot use.
"""

from __future__ import annotations

import urllib.request
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Protocol
from xml.parsers import expat

MAX_RATE_FILE_BYTES = 5 * 1024 * 1024


class RateFileError(ValueError):
    """The rate source is malformed; ``line`` says where (0 when unknown)."""

    def __init__(self, message: str, line: int = 0):
        super().__init__(f"line {line}: {message}" if line else message)
        self.line = line


@dataclass(frozen=True)
class QuotedRate:
    base: str
    quote: str
    rate: Decimal
    valid_on: date
    line: int


@dataclass
class RateBatch:
    source: str
    rates: list[QuotedRate] = field(default_factory=list)


class RateProvider(Protocol):
    source: str

    def fetch(self) -> RateBatch:
        """Return the rates the provider publishes; raise RateFileError on malformed input."""


def read_source(location: str, timeout: float = 20) -> bytes:
    if location.startswith(("http://", "https://")):
        with urllib.request.urlopen(location, timeout=timeout) as response:  # noqa: S310 - http(s) only
            data = response.read(MAX_RATE_FILE_BYTES + 1)
    else:
        path = Path(location)
        if not path.is_file():
            raise RateFileError(f"no such file: {location}")
        with path.open("rb") as fh:
            data = fh.read(MAX_RATE_FILE_BYTES + 1)
    if len(data) > MAX_RATE_FILE_BYTES:
        raise RateFileError(f"the rate file is larger than {MAX_RATE_FILE_BYTES // (1024 * 1024)} MB")
    if not data.strip():
        raise RateFileError("the rate file is empty")
    return data


def parse_ecb_xml(data: bytes) -> list[QuotedRate]:
    """Parse the ECB reference-rate XML; every problem names its line."""
    rates: list[QuotedRate] = []
    current_day: list[date | None] = [None]
    parser = expat.ParserCreate()

    def start(name: str, attrs: dict[str, str]) -> None:
        local = name.rpartition(":")[2]
        if local != "Cube":
            return
        line = parser.CurrentLineNumber
        if "time" in attrs:
            try:
                current_day[0] = date.fromisoformat(attrs["time"])
            except ValueError:
                raise RateFileError(f"bad date {attrs['time']!r} (expected YYYY-MM-DD)", line) from None
        elif "currency" in attrs or "rate" in attrs:
            code = attrs.get("currency", "")
            if len(code) != 3 or not code.isalpha() or not code.isupper():
                raise RateFileError(f"bad currency code {code!r}", line)
            raw = attrs.get("rate", "")
            try:
                value = Decimal(raw)
            except InvalidOperation:
                raise RateFileError(f"bad rate {raw!r} for {code}", line) from None
            if not value.is_finite() or value <= 0:
                raise RateFileError(f"rate for {code} must be greater than zero, got {raw!r}", line)
            if current_day[0] is None:
                raise RateFileError(f"rate for {code} outside a dated <Cube time=…> element", line)
            rates.append(QuotedRate("EUR", code, value, current_day[0], line))

    parser.StartElementHandler = start
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise RateFileError(f"not well-formed XML ({expat.ErrorString(exc.code)})", exc.lineno) from None
    if not rates:
        raise RateFileError("no rates found (expected ECB eurofxref XML with <Cube currency=… rate=…/>)")
    return rates


class ECBProvider:
    source = "ecb"

    def __init__(self, location: str):
        self.location = location

    def fetch(self) -> RateBatch:
        return RateBatch(self.source, parse_ecb_xml(read_source(self.location)))
