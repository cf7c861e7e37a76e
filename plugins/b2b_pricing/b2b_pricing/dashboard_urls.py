"""Staff URLs, mounted by the core at ``/<lang>/dashboard/p/b2b_pricing/`` (namespace ``b2b_pricing_dashboard``).

The core makes them staff-only and answers 404 while the plugin is switched off.
"""

from django.urls import path

from .views import contracts, overview, price_lists

urlpatterns = [
    path("", overview.OverviewView.as_view(), name="index"),
    path("lists/", price_lists.PriceListListView.as_view(), name="pricelist-list"),
    path("lists/new/", price_lists.PriceListCreateView.as_view(), name="pricelist-create"),
    path("lists/<int:pk>/", price_lists.PriceListDetailView.as_view(), name="pricelist-detail"),
    path("lists/<int:pk>/edit/", price_lists.PriceListUpdateView.as_view(), name="pricelist-update"),
    path("lists/<int:pk>/delete/", price_lists.PriceListDeleteView.as_view(), name="pricelist-delete"),
    path("lists/<int:pk>/import/", price_lists.PriceFileImportView.as_view(), name="pricelist-import"),
    path("lists/<int:pk>/export.<str:fmt>", price_lists.PriceFileExportView.as_view(), name="pricelist-export"),
    path("lists/<int:list_pk>/entries/new/", price_lists.EntryCreateView.as_view(), name="entry-create"),
    path("lists/<int:list_pk>/entries/<int:pk>/edit/", price_lists.EntryUpdateView.as_view(), name="entry-update"),
    path("lists/<int:list_pk>/entries/<int:pk>/delete/", price_lists.EntryDeleteView.as_view(), name="entry-delete"),
    path("lists/<int:list_pk>/tiers/new/", price_lists.TierTableCreateView.as_view(), name="tiers-create"),
    path("lists/<int:list_pk>/tiers/<int:pk>/edit/", price_lists.TierTableUpdateView.as_view(), name="tiers-update"),
    path("lists/<int:list_pk>/tiers/<int:pk>/delete/", price_lists.TierTableDeleteView.as_view(), name="tiers-delete"),
    path("contracts/", contracts.ContractListView.as_view(), name="contract-list"),
    path("contracts/new/", contracts.ContractCreateView.as_view(), name="contract-create"),
    path("contracts/<int:pk>/edit/", contracts.ContractUpdateView.as_view(), name="contract-update"),
    path("contracts/<int:pk>/delete/", contracts.ContractDeleteView.as_view(), name="contract-delete"),
    path("rules/", contracts.RuleListView.as_view(), name="rule-list"),
    path("rules/new/", contracts.RuleCreateView.as_view(), name="rule-create"),
    path("rules/<int:pk>/edit/", contracts.RuleUpdateView.as_view(), name="rule-update"),
    path("rules/<int:pk>/delete/", contracts.RuleDeleteView.as_view(), name="rule-delete"),
]
