"""The admin login, throttled (``articles/editing/throttle.py``), and the admin front page."""
from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters

from articles.editing import throttle


# The admin's front page opens with the upload action and the uploads waiting for review.
admin.site.index_template = "admin/articles/index.html"


@sensitive_post_parameters()
@csrf_protect
@never_cache
def throttled_login(request: HttpRequest) -> HttpResponse:
    """The admin login, refusing a username+address after repeated failures (see articles/editing/throttle.py).

    The attempt is counted before the password is checked, so parallel attempts cannot all
    be checked; a success clears the count.
    """
    username = request.POST.get("username", "") if request.method == "POST" else ""
    address = throttle.client_address(request)
    if request.method == "POST" and not throttle.attempt_allowed(username=username, address=address):
        return TemplateResponse(request, "admin/articles/login_locked.html", {
            **admin.site.each_context(request), "title": "登录", "app_path": request.get_full_path(),
            "form": AdminAuthenticationForm(request), "locked_message": throttle.locked_message(),
        }, status=429)
    response = admin.site.login(request)
    if request.method == "POST" and response.status_code == 302:
        throttle.clear_failures(username=username, address=address)
    return response
