from shop.apps.search.views.catalogue import CatalogueView, ProductCategoryView
from shop.apps.search.views.search import FacetedSearchView

__all__ = ["CatalogueView", "FacetedSearchView", "ProductCategoryView"]
