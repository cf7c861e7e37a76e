from django.urls import path

from . import views

urlpatterns = [path("currency/", views.set_currency, name="set_currency")]
