"""Time left until a countdown block's moment, for the server-rendered fallback."""

from __future__ import annotations

import datetime
from typing import NamedTuple

from django.utils import timezone


class TimeLeft(NamedTuple):
    days: int
    hours: int
    minutes: int
    seconds: int
    ended: bool


def time_left(ends_at: datetime.datetime | None, now: datetime.datetime | None = None) -> TimeLeft:
    if ends_at is None:
        return TimeLeft(0, 0, 0, 0, True)
    if timezone.is_naive(ends_at):
        ends_at = timezone.make_aware(ends_at)
    seconds = int((ends_at - (now or timezone.now())).total_seconds())
    if seconds <= 0:
        return TimeLeft(0, 0, 0, 0, True)
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    return TimeLeft(days, hours, minutes, seconds, False)
