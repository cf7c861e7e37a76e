from datetime import date
from decimal import Decimal

import pytest

ECB_XML = """<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
\t<gesmes:subject>Reference rates</gesmes:subject>
\t<gesmes:Sender><gesmes:name>European Central Bank</gesmes:name></gesmes:Sender>
\t<Cube>
\t\t<Cube time='2026-11-24'>
\t\t\t<Cube currency='USD' rate='1.0512'/>
\t\t\t<Cube currency='JPY' rate='162.31'/>
\t\t\t<Cube currency='GBP' rate='0.83125'/>
\t\t\t<Cube currency='CNY' rate='7.6123'/>
\t\t</Cube>
\t</Cube>
</gesmes:Envelope>
"""


@pytest.fixture
def ecb_file(tmp_path):
    path = tmp_path / "eurofxref-daily.xml"
    path.write_text(ECB_XML)
    return path


@pytest.fixture
def rates(db):
    from shop.currency import rates as rate_cache
    from shop.currency.models import ExchangeRate

    for quote, value in {"USD": "1.0512", "JPY": "162.31", "CNY": "7.6123"}.items():
        ExchangeRate.objects.create(
            base="EUR", quote=quote, rate=Decimal(value), valid_on=date(2026, 11, 24), source="ecb"
        )
    rate_cache.invalidate()
    yield
    rate_cache.invalidate()
