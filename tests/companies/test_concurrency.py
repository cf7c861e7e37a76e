"""The last-admin rule holds when two admins demote or remove each other at the same moment (PostgreSQL)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from shop.companies import services
from shop.companies.models import Membership

from .conftest import join

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL: run with DATABASE_URL=postgres://…")


def _in_parallel(*calls) -> list[str]:
    """Run each call in its own thread (its own database connection), started together; 'ok' or the refusal."""
    barrier = threading.Barrier(len(calls))
    results: list[str] = [""] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=10)
            call()
            results[index] = "ok"
        except services.CompanyRuleError:
            results[index] = "refused"
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


@pytest.mark.parametrize("action", ["demote", "remove"])
def test_two_admins_cannot_both_step_aside_at_once(make_user, company_a, action):
    ann, bob = make_user("ann@alpha.example"), make_user("bob@alpha.example")
    first, second = join(ann, company_a, "admin"), join(bob, company_a, "admin")

    def act(membership, by):
        if action == "demote":
            return lambda: services.change_role(membership, Membership.Role.BUYER, by)
        return lambda: services.remove_member(membership, by)

    for _ in range(5):
        results = _in_parallel(act(second, ann), act(first, bob))
        assert sorted(results) == ["ok", "refused"]
        assert Membership.objects.filter(company=company_a, role=Membership.Role.ADMIN).count() == 1
        # put both admins back for the next round
        Membership.objects.filter(company=company_a).delete()
        first, second = join(ann, company_a, "admin"), join(bob, company_a, "admin")
