"""The staff form for a synonym set: the terms split, checked and stored one per line."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from shop.apps.search.models import MAX_TERM_CHARS, MAX_TERMS, SynonymSet, split_terms
from shop.searchengine import synonyms


class SynonymSetForm(forms.ModelForm):
    class Meta:
        model = SynonymSet
        fields = ["terms", "note", "is_active"]
        widgets = {
            "terms": forms.Textarea(
                attrs={"rows": 4, "class": "form-control", "placeholder": "中性笔 = 签字笔 = gel pen"}
            ),
            "note": forms.TextInput(attrs={"class": "form-control"}),
        }

    def clean_terms(self) -> str:
        terms = split_terms(self.cleaned_data.get("terms", ""))
        if len(terms) < 2:
            raise forms.ValidationError(_("Enter at least two different terms."))
        if len(terms) > MAX_TERMS:
            raise forms.ValidationError(_("A set holds at most %(count)d terms.") % {"count": MAX_TERMS})
        for term in terms:
            if len(term) > MAX_TERM_CHARS:
                raise forms.ValidationError(
                    _("“%(term)s…” is longer than %(count)d characters.") % {"term": term[:20], "count": MAX_TERM_CHARS}
                )
            if not synonyms.term_words(term):
                raise forms.ValidationError(_("“%(term)s” has no letters or digits to search for.") % {"term": term})
        keys = {synonyms.key_of(synonyms.term_words(t)) for t in terms}
        if len(keys) < 2:
            raise forms.ValidationError(
                _("These terms are searched as the same words; enter at least two different ones.")
            )
        return "\n".join(terms)

    def clean(self) -> dict:
        cleaned = super().clean()
        terms = split_terms(cleaned.get("terms", ""))
        if not terms or not cleaned.get("is_active"):
            return cleaned
        mine = {synonyms.key_of(synonyms.term_words(t)): t for t in terms}
        others = SynonymSet.objects.filter(is_active=True).exclude(pk=self.instance.pk)
        for other in others:
            for term in other.term_list():
                key = synonyms.key_of(synonyms.term_words(term))
                if key in mine:
                    self.add_error(
                        "terms",
                        _("“%(term)s” is already in the active set “%(other)s”; add the terms there instead.")
                        % {"term": mine[key], "other": str(other)},
                    )
                    return cleaned
        return cleaned
