"""Staff dashboard pages: upload a file, follow its job, read the result; manage column mappings."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from shop.core import audit

from . import columns as C
from .forms import ColumnMappingForm, ImportUploadForm, max_upload_bytes
from .jobs import job_status, queue_job, queue_rerun
from .models import ColumnMapping, ImportJob

staff_only = staff_member_required(login_url="customer:login")

RECENT_JOBS = 20
UPLOAD_OVERHEAD = 64 * 1024  # multipart boundaries and the other fields


@staff_only
def upload(request: HttpRequest) -> HttpResponse:
    form = ImportUploadForm()
    if request.method == "POST":
        if int(request.META.get("CONTENT_LENGTH") or 0) > max_upload_bytes() + UPLOAD_OVERHEAD:
            messages.error(
                request, _("The file is larger than %(limit)s.") % {"limit": filesizeformat(max_upload_bytes())}
            )
            return redirect("catalogimport:upload")
        form = ImportUploadForm(request.POST, request.FILES)
        if form.is_valid():
            mode = form.cleaned_data["mode"]
            job = queue_job(
                data=form.data_bytes,
                kind=form.kind,
                file_name=form.cleaned_data["file"].name,
                supplier=form.cleaned_data["supplier"],
                mapping=form.cleaned_data["mapping"],
                dry_run=mode == form.DRY_RUN,
                partial=mode == form.PARTIAL,
                user=request.user,
                language=get_language() or "en",
            )
            return redirect("catalogimport:job", pk=job.pk)
    context = {
        "form": form,
        "jobs": ImportJob.objects.select_related("partner", "created_by")[:RECENT_JOBS],
        "columns": _column_reference(),
        "max_size": max_upload_bytes(),
    }
    return render(request, "catalogimport/dashboard/upload.html", context)


def _column_reference() -> list[tuple[str, str]]:
    return [
        (C.SKU, _("Required. The supplier's SKU: a row with a known SKU updates that product.")),
        (C.UPC, _("Barcode (EAN/UPC), unique across the catalogue.")),
        ("title_en / title_zh_hans", _("At least one title per row.")),
        ("description_en / description_zh_hans", _("Product description per language.")),
        (C.CATEGORY, _("A path like 'Office Supplies > Binders'; missing categories are created.")),
        (C.CATEGORY_ZH, _("The same path in Chinese, level by level (optional).")),
        (C.PRODUCT_CLASS, _("Product type; created when missing.")),
        (C.BRAND, _("Brand, kept as the attribute 'brand'.")),
        (C.PRICE, _("Price in the row's currency (decimal, greater than zero).")),
        (C.CURRENCY, _("Currency of price; the base currency when empty.")),
        ("price_USD, price_EUR, …", _("Explicit prices in other currencies.")),
        (C.STOCK, _("Units in stock, a whole number of 0 or more.")),
        (_("any other column"), _("A product attribute of the product class (created as text when missing).")),
    ]


@staff_only
@require_GET
def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_object_or_404(ImportJob.objects.select_related("partner", "mapping", "created_by"), pk=pk)
    context = {"job": job, "status": job_status(job)}
    return render(request, "catalogimport/dashboard/job.html", context)


@staff_only
@require_GET
def job_status_json(request: HttpRequest, pk: int) -> JsonResponse:
    job = get_object_or_404(ImportJob, pk=pk)
    return JsonResponse(job_status(job), headers={"Cache-Control": "no-store"})


@staff_only
@require_POST
def job_rerun(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_object_or_404(ImportJob.objects.select_related("partner", "mapping"), pk=pk)
    if not job.is_done or not job.file:
        raise Http404
    mode = request.POST.get("mode", ImportUploadForm.ALL_OR_NOTHING)
    rerun = queue_rerun(
        job,
        dry_run=mode == ImportUploadForm.DRY_RUN,
        partial=mode == ImportUploadForm.PARTIAL,
        user=request.user,
        language=get_language() or "en",
    )
    return redirect("catalogimport:job", pk=rerun.pk)


@staff_only
@require_GET
def job_download(request: HttpRequest, pk: int) -> FileResponse:
    job = get_object_or_404(ImportJob, pk=pk)
    try:
        handle = job.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    response = FileResponse(handle, as_attachment=True, filename=job.file_name)
    response["Content-Type"] = "application/octet-stream"
    return response


@staff_only
def mapping_list(request: HttpRequest) -> HttpResponse:
    mappings = ColumnMapping.objects.select_related("partner")
    return render(request, "catalogimport/dashboard/mapping_list.html", {"mappings": mappings})


@staff_only
def mapping_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    mapping = get_object_or_404(ColumnMapping, pk=pk) if pk else None
    form = ColumnMappingForm(request.POST or None, instance=mapping)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        audit.record(request.user, "catalogimport.mapping_saved", saved, data={"columns": saved.columns})
        messages.success(request, _("Column mapping %(name)s saved.") % {"name": saved.name})
        return redirect("catalogimport:mappings")
    return render(request, "catalogimport/dashboard/mapping_form.html", {"form": form, "mapping": mapping})


@staff_only
@require_POST
def mapping_delete(request: HttpRequest, pk: int) -> HttpResponse:
    mapping = get_object_or_404(ColumnMapping, pk=pk)
    audit.record(request.user, "catalogimport.mapping_deleted", mapping, data={"columns": mapping.columns})
    mapping.delete()
    messages.success(request, _("Column mapping %(name)s deleted.") % {"name": mapping.name})
    return redirect("catalogimport:mappings")
