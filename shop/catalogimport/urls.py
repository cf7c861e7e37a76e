from django.urls import path

from . import views

app_name = "catalogimport"

urlpatterns = [
    path("", views.upload, name="upload"),
    path("jobs/<int:pk>/", views.job_detail, name="job"),
    path("jobs/<int:pk>/status/", views.job_status_json, name="job-status"),
    path("jobs/<int:pk>/run/", views.job_rerun, name="job-rerun"),
    path("jobs/<int:pk>/file/", views.job_download, name="job-file"),
    path("mappings/", views.mapping_list, name="mappings"),
    path("mappings/new/", views.mapping_edit, name="mapping-create"),
    path("mappings/<int:pk>/", views.mapping_edit, name="mapping-edit"),
    path("mappings/<int:pk>/delete/", views.mapping_delete, name="mapping-delete"),
]
