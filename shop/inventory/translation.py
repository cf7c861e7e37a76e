"""Warehouse names in English and Simplified Chinese (上海嘉定仓 / Shanghai Jiading DC)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Warehouse


@register(Warehouse)
class WarehouseTranslation(TranslationOptions):
    fields = ("name",)
