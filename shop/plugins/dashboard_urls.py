from django.urls import path

from . import views

app_name = "shop_plugins"

urlpatterns = [
    path("", views.plugin_list, name="list"),
    path("<slug:label>/toggle/", views.plugin_toggle, name="toggle"),
]
