"""The shop's fork of Oscar's search app: faceted catalogue and search in the buyer's currency."""

from oscar.apps.search import apps


class SearchConfig(apps.SearchConfig):
    name = "shop.apps.search"

    def ready(self):
        super().ready()
        from django.conf import settings
        from django.db.models.signals import post_delete, post_save

        from shop.apps.search import receivers  # noqa: F401  (index updates after commit)
        from shop.apps.search import synonyms as synonym_sets
        from shop.apps.search.models import SynonymSet
        from shop.apps.search.tasks import SWEEP_SECONDS
        from shop.searchengine import synonyms

        # Queries expand with the operators' synonym sets; a change applies to the next query.
        synonyms.set_provider(synonym_sets.active_sets)
        post_save.connect(synonym_sets.invalidate, sender=SynonymSet, dispatch_uid="search_synonyms_saved")
        post_delete.connect(synonym_sets.invalidate, sender=SynonymSet, dispatch_uid="search_synonyms_deleted")

        # The sweeper catches what the after-commit updates missed (a worker down, a bulk update).
        schedule = getattr(settings, "CELERY_BEAT_SCHEDULE", None)
        if isinstance(schedule, dict):
            schedule.setdefault(
                "sweep-search-index", {"task": "shop.apps.search.tasks.sweep_search_index", "schedule": SWEEP_SECONDS}
            )
