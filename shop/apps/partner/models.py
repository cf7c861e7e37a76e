from oscar.apps.partner.models import *  # noqa: F403 - Oscar's fork pattern: override above, import the rest
