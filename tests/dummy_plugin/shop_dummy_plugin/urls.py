"""Storefront URLs, mounted by the core at ``/<lang>/p/dummy/`` (namespace ``dummy``)."""

from django.urls import path

from . import views

urlpatterns = [
    path("hello/", views.hello, name="hello"),
]
