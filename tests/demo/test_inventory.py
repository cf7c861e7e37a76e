"""Warehouse stock and the rule that a stock record's num_in_stock is the sum of its warehouses."""

from __future__ import annotations

import pytest
from oscar.core.loading import get_model
from oscar.test import factories

from shop.inventory.models import Warehouse, WarehouseStock
from shop.inventory.services import (
    StockError,
    StockLine,
    adjust_quantity,
    set_quantities,
    set_quantity,
    stock_drift,
    sync_num_in_stock,
)

Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db


@pytest.fixture
def record():
    return factories.create_stockrecord(partner_name="Huadong", partner_sku="HD-1", num_in_stock=0)


@pytest.fixture
def shanghai(record):
    return Warehouse.objects.create(partner=record.partner, code="SH", name="Shanghai DC", city="Shanghai")


@pytest.fixture
def hangzhou(record):
    return Warehouse.objects.create(partner=record.partner, code="HZ", name="Hangzhou DC", city="Hangzhou")


def test_setting_a_quantity_updates_the_stock_record(record, shanghai, hangzhou):
    # when
    set_quantity(shanghai, record, 120)
    set_quantity(hangzhou, record, 30)
    set_quantity(shanghai, record, 100)

    # then
    record.refresh_from_db()
    assert record.num_in_stock == 130
    assert WarehouseStock.objects.filter(stockrecord=record).count() == 2


def test_picking_more_than_a_warehouse_holds_fails_and_changes_nothing(record, shanghai, hangzhou):
    # given
    set_quantity(shanghai, record, 5)
    set_quantity(hangzhou, record, 50)

    # when / then
    with pytest.raises(StockError, match="only 5"):
        adjust_quantity(shanghai, record, -6)
    record.refresh_from_db()
    assert record.num_in_stock == 55

    line = adjust_quantity(shanghai, record, -5)
    record.refresh_from_db()
    assert (line.quantity, record.num_in_stock) == (0, 50)


def test_a_warehouse_cannot_hold_another_partners_stock(record):
    other = Warehouse.objects.create(partner=Partner.objects.create(name="Other"), code="GZ", name="GZ", city="GZ")
    with pytest.raises(StockError, match="another partner"):
        set_quantity(other, record, 1)
    with pytest.raises(StockError, match="another partner"):
        adjust_quantity(other, record, 1)
    assert not WarehouseStock.objects.exists()


def test_negative_quantities_are_refused(record, shanghai):
    with pytest.raises(StockError, match="0 or more"):
        set_quantity(shanghai, record, -1)


def test_bulk_quantities_are_checked_first_then_written_and_summed(record, shanghai, hangzhou):
    # given
    second = factories.create_stockrecord(partner_name="Huadong", partner_sku="HD-2", num_in_stock=0)

    # when a bad line is among them, nothing is written
    with pytest.raises(StockError):
        set_quantities([StockLine(shanghai, record, 4), StockLine(hangzhou, second, -2)])
    assert not WarehouseStock.objects.exists()

    # when
    written = set_quantities(
        [StockLine(shanghai, record, 4), StockLine(hangzhou, record, 6), StockLine(hangzhou, second, 9)]
    )
    set_quantities([StockLine(shanghai, record, 10)])  # overwrites, does not add

    # then
    assert written == 3
    records = StockRecord.objects.filter(pk__in=[record.pk, second.pk])
    assert dict(records.values_list("partner_sku", "num_in_stock")) == {"HD-1": 16, "HD-2": 9}


def test_drift_finds_records_changed_behind_the_services_back(record, shanghai):
    # given
    set_quantity(shanghai, record, 10)
    StockRecord.objects.filter(pk=record.pk).update(num_in_stock=3)

    # then
    assert list(stock_drift()) == [record]
    assert sync_num_in_stock([record.pk]) == 1
    assert not stock_drift().exists()
