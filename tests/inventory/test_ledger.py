"""Every change is a movement; levels are the ledger's sum; bad input changes nothing."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from oscar.test import factories

from shop.companies.models import Company
from shop.inventory.models import StockMovement, Warehouse, WarehouseStock
from shop.inventory.services import (
    StockError,
    adjust_stock,
    receive_stock,
    reserve_order,
    set_quantity,
    transfer_stock,
)

from .conftest import make_order

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        StockMovement.objects.count(),
        list(WarehouseStock.objects.order_by("pk").values_list("quantity", "reserved")),
    )


def test_each_kind_of_change_is_a_movement_and_levels_are_their_sum(record, shanghai, beijing, admin_user):
    # when
    receive_stock(shanghai, record, 40, user=admin_user, reference="PO-7")
    adjust_stock(shanghai, record, -3, reason="water damage", user=admin_user)
    transfer_stock(shanghai, beijing, record, 10, user=admin_user)
    set_quantity(beijing, record, 12)  # a stock count finds two more
    reserve_order(make_order((record, 5)))

    # then
    kinds = list(StockMovement.objects.order_by("pk").values_list("kind", "on_hand_delta", "reserved_delta"))
    assert kinds == [
        ("receipt", 40, 0),
        ("adjustment", -3, 0),
        ("transfer_out", -10, 0),
        ("transfer_in", 10, 0),
        ("count", 2, 0),
        ("reservation", 0, 5),
    ]
    for stock in WarehouseStock.objects.all():
        assert stock.quantity == sum(m.on_hand_delta for m in stock.movements.all())
        assert stock.reserved == sum(m.reserved_delta for m in stock.movements.all())
    assert StockMovement.objects.filter(reason="water damage").get().user == admin_user
    record.refresh_from_db()
    assert (record.num_in_stock, record.num_allocated) == (39, 5)


@pytest.mark.parametrize(
    ("delta", "reason", "message"),
    [
        (-5, "", "reason"),
        (-5, "   ", "reason"),
        (-21, "lost", "only 20"),
        (0, "nothing", "at least 1"),
        (2.5, "half a box", "whole number"),
        ("x", "typo", "whole number"),
    ],
)
def test_bad_adjustments_are_refused_and_the_ledger_is_unchanged(record, shanghai, delta, reason, message):
    receive_stock(shanghai, record, 20)
    before = snapshot()

    with pytest.raises(StockError, match=message):
        adjust_stock(shanghai, record, delta, reason=reason)

    assert snapshot() == before


def test_adjustments_cannot_take_reserved_units(record, shanghai):
    receive_stock(shanghai, record, 10)
    reserve_order(make_order((record, 8)))
    before = snapshot()

    with pytest.raises(StockError, match="8 of GP-12 are reserved"):
        adjust_stock(shanghai, record, -3, reason="broken")

    assert snapshot() == before


@pytest.mark.parametrize("units", [-1, 0, 1.5, 11])
def test_bad_transfers_are_refused(record, shanghai, beijing, units):
    receive_stock(shanghai, record, 10)
    before = snapshot()

    with pytest.raises(StockError):
        transfer_stock(shanghai, beijing, record, units)

    assert snapshot() == before


def test_transfer_to_another_companys_warehouse_is_refused(record, shanghai):
    other = Company.objects.create(name="Other Co", kind=Company.Kind.DISTRIBUTOR)
    foreign = Warehouse.objects.create(partner=record.partner, company=other, code="XX", name="Not ours", city="Wuhan")
    receive_stock(shanghai, record, 10)
    before = snapshot()

    with pytest.raises(StockError, match="same company"):
        transfer_stock(shanghai, foreign, record, 2)

    assert snapshot() == before


def test_receiving_into_another_partners_warehouse_is_refused(record):
    stranger = factories.PartnerFactory(name="Stranger")
    warehouse = Warehouse.objects.create(partner=stranger, code="ST", name="Stranger DC", city="Xi'an")
    with pytest.raises(StockError, match="another partner"):
        receive_stock(warehouse, record, 1)
    assert not StockMovement.objects.exists()


def test_inventory_check_passes_on_a_consistent_ledger(record, shanghai, beijing, capsys):
    receive_stock(shanghai, record, 10)
    transfer_stock(shanghai, beijing, record, 4)
    reserve_order(make_order((record, 3)))

    call_command("inventory_check", "--no-progress")

    assert "OK: 2 warehouse lines match" in capsys.readouterr().out


def test_inventory_check_lists_drift_and_fails(record, shanghai, beijing, capsys):
    receive_stock(shanghai, record, 10)
    receive_stock(beijing, record, 5)
    WarehouseStock.objects.filter(warehouse=shanghai).update(quantity=12)  # written behind the ledger's back

    with pytest.raises(CommandError, match="drifted"):
        call_command("inventory_check", "--no-progress")

    out = capsys.readouterr().out
    assert "on hand ≠ ledger: SH/GP-12" in out
    assert "stored 12, expected 10" in out
    assert "num_in_stock ≠ warehouses: GP-12: stored 15, expected 17" in out


def test_inventory_check_exits_non_zero_from_the_command_line(record, shanghai, capsys, monkeypatch):
    from django.core.management import execute_from_command_line
    from django.db import connections

    # run_from_argv closes every connection when it ends; inside this test's transaction that would leave a
    # closed connection behind for the tests after it
    monkeypatch.setattr(connections, "close_all", lambda: None)

    receive_stock(shanghai, record, 3)
    WarehouseStock.objects.update(reserved=1)

    with pytest.raises(SystemExit) as exited:
        execute_from_command_line(["manage.py", "inventory_check", "--no-progress"])

    assert exited.value.code == 1
    assert "reserved ≠ ledger" in capsys.readouterr().out
