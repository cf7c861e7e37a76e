from django.urls import path

from shop.apps.search.dashboard import views

app_name = "search_dashboard"

urlpatterns = [
    path("", views.synonym_list, name="synonym-list"),
    path("new/", views.synonym_edit, name="synonym-create"),
    path("<int:pk>/", views.synonym_edit, name="synonym-edit"),
    path("<int:pk>/delete/", views.synonym_delete, name="synonym-delete"),
]
