from datetime import date
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from shop.currency.models import ExchangeRate
from shop.currency.providers import RateFileError, parse_ecb_xml
from shop.currency.rates import MissingRate, current_table
from shop.currency.services import override_rate

from .conftest import ECB_XML


def test_parse_ecb_xml():
    rates = parse_ecb_xml(ECB_XML.encode())
    assert [(r.quote, r.rate) for r in rates][:2] == [("USD", Decimal("1.0512")), ("JPY", Decimal("162.31"))]
    assert rates[0].valid_on == date(2026, 11, 24)
    assert rates[0].line == 7


@pytest.mark.parametrize(
    ("replace", "message"),
    [
        (("rate='1.0512'", "rate='abc'"), "line 7: bad rate 'abc' for USD"),
        (("rate='1.0512'", "rate='0'"), "line 7: rate for USD must be greater than zero"),
        (("rate='1.0512'", "rate='-1.2'"), "line 7: rate for USD must be greater than zero"),
        (("currency='JPY'", "currency='jp'"), "line 8: bad currency code 'jp'"),
        (("time='2026-11-24'", "time='24/11/2026'"), "line 6: bad date '24/11/2026'"),
        (("</gesmes:Envelope>", "</gesmes:Envelop>"), "line 13: not well-formed XML"),
    ],
)
def test_malformed_rate_files_name_the_line(replace, message):
    with pytest.raises(RateFileError) as exc:
        parse_ecb_xml(ECB_XML.replace(*replace).encode())
    assert str(exc.value).startswith(message)


@pytest.mark.django_db
def test_load_rates_command_loads_traded_currencies(ecb_file, capsys):
    call_command("load_rates", str(ecb_file))
    out = capsys.readouterr().out
    assert "3 rate(s) loaded" in out and "ignored (not traded here): GBP" in out
    call_command("load_rates", str(ecb_file))
    assert "0 rate(s) loaded, 3 already known" in capsys.readouterr().out
    assert ExchangeRate.objects.count() == 3


@pytest.mark.django_db
def test_malformed_file_loads_nothing(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text(ECB_XML.replace("rate='162.31'", "rate='-5'"))
    with pytest.raises(CommandError, match="line 8: rate for JPY must be greater than zero.*Nothing was loaded"):
        call_command("load_rates", str(bad))
    assert ExchangeRate.objects.count() == 0
    with pytest.raises(CommandError, match="the rate file is empty"):
        (tmp_path / "empty.xml").write_text("")
        call_command("load_rates", str(tmp_path / "empty.xml"))
    with pytest.raises(CommandError, match="no such file"):
        call_command("load_rates", str(tmp_path / "missing.xml"))


@pytest.mark.django_db
def test_cross_rate_and_missing_rate(rates):
    table = current_table()
    converted = table.convert(Decimal("7.6123"), "CNY", "USD")
    assert converted.amount == Decimal("1.05")
    assert {r.quote for r in converted.rates} == {"CNY", "USD"}
    with pytest.raises(MissingRate):
        table.rate("CNY", "KRW")


@pytest.mark.django_db
def test_manual_override_wins_and_is_audited(rates, django_user_model):
    from shop.core.models import AuditEntry

    operator = django_user_model.objects.create_user(username="op", email="op@example.com", password="x" * 12)
    override_rate(
        "CNY", "USD", Decimal("0.1400"), user=operator, note="contract rate for Q4", valid_on=date(2026, 11, 24)
    )
    assert current_table().convert(Decimal("100"), "CNY", "USD").amount == Decimal("14.00")
    entry = AuditEntry.objects.get(action="currency.rate_override")
    assert entry.actor == operator and entry.data["note"] == "contract rate for Q4"
    for bad in (Decimal("0"), Decimal("-1")):
        with pytest.raises(ValueError, match="greater than zero"):
            override_rate("CNY", "USD", bad, user=operator, note="x")
    with pytest.raises(ValueError, match="unknown currency 'XYZ'"):
        override_rate("CNY", "XYZ", Decimal("1"), user=operator, note="x")
    with pytest.raises(ValueError, match="say why"):
        override_rate("CNY", "USD", Decimal("1"), user=operator, note=" ")
