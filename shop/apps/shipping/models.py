from oscar.apps.shipping.models import *  # noqa: F403 - Oscar fork pattern
