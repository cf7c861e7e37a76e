"""Staff pages for synonym sets: list, create, edit and delete. A change applies to the next search."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from shop.apps.search.dashboard.forms import SynonymSetForm
from shop.apps.search.models import SynonymSet
from shop.core import audit

staff_only = staff_member_required(login_url="customer:login")
PER_PAGE = 50


@staff_only
def synonym_list(request: HttpRequest) -> HttpResponse:
    query = " ".join(request.GET.get("q", "").split())[:100]
    sets = SynonymSet.objects.order_by("-is_active", "pk")
    if query:
        sets = sets.filter(Q(terms__icontains=query) | Q(note__icontains=query))
    page = Paginator(sets, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request, "search/dashboard/synonym_list.html", {"page_obj": page, "sets": page.object_list, "q": query}
    )


@staff_only
def synonym_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    synonym_set = get_object_or_404(SynonymSet, pk=pk) if pk else None
    form = SynonymSetForm(request.POST or None, instance=synonym_set)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        audit.record(request.user, "search.synonyms_saved", saved, data={"terms": saved.term_list()})
        messages.success(request, _("Synonym set saved; searches use it from now on."))
        return redirect("search_dashboard:synonym-list")
    return render(request, "search/dashboard/synonym_form.html", {"form": form, "synonym_set": synonym_set})


@staff_only
def synonym_delete(request: HttpRequest, pk: int) -> HttpResponse:
    synonym_set = get_object_or_404(SynonymSet, pk=pk)
    if request.method == "POST":
        audit.record(request.user, "search.synonyms_deleted", synonym_set, data={"terms": synonym_set.term_list()})
        synonym_set.delete()
        messages.success(request, _("Synonym set deleted."))
        return redirect("search_dashboard:synonym-list")
    return render(request, "search/dashboard/synonym_delete.html", {"synonym_set": synonym_set})
