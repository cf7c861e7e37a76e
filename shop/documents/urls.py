from django.urls import path

from . import views

urlpatterns = [
    path("accounts/orders/<str:order_number>/invoice.pdf", views.invoice_pdf, name="order-invoice"),
]
