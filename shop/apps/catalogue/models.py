from oscar.apps.catalogue.models import *  # noqa: F403 - Oscar's fork pattern: override above, import the rest
