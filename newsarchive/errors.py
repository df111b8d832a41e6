"""Error pages: Chinese HTML pages under the site's header, JSON under ``/api/``.

Django calls these instead of its English defaults when DEBUG is off (``handler400`` …
in ``newsarchive/urls.py``). The JSON API's clients parse every answer, so an error there is
``{"error": …, "status": …}`` rather than a page.
"""
from __future__ import annotations

import logging

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.views.decorators.csrf import requires_csrf_token

from articles.editing.uploads import limits_text, size_text

logger = logging.getLogger(__name__)

MESSAGES = {
    400: "请求有误",
    403: "没有权限访问此页",
    404: "找不到这个页面",
    500: "服务器出错了",
}
API_PREFIX = "/api/"


def too_big_detail(exception: Exception | None) -> str:
    """Explain a request refused for its size, or return "" for any other bad request."""
    if isinstance(exception, RequestDataTooBig):
        return (f"提交的内容过大（表单数据上限 {size_text(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)}），未做任何处理。"
                + limits_text())
    if isinstance(exception, TooManyFilesSent):
        return "一次提交的文件太多，未做任何处理。" + limits_text()
    if isinstance(exception, TooManyFieldsSent):
        return f"表单字段太多（上限 {settings.DATA_UPLOAD_MAX_NUMBER_FIELDS} 个），未做任何处理。"
    return ""


def _error(request: HttpRequest, status: int, detail: str = "") -> HttpResponse:
    if request.path.startswith(API_PREFIX):
        return JsonResponse(
            {"error": MESSAGES[status], "detail": detail, "status": status},
            status=status, json_dumps_params={"ensure_ascii": False},
        )
    back_url = request.path if request.path.endswith("/pendingupload/upload/") else ""
    context = {"status": status, "message": MESSAGES[status], "detail": detail, "back_url": back_url}
    try:
        html = render_to_string(f"{status}.html", context, request=request)
    except Exception:  # noqa: BLE001 - an error page must answer even when rendering fails
        # (for instance when the database behind a context processor is down).
        logger.exception("error page %s could not be rendered", status)
        html = f"<!doctype html><meta charset=utf-8><title>{status}</title><h1>{MESSAGES[status]}</h1><p><a href='/'>返回首页</a></p>"
    return HttpResponse(html, status=status)


@requires_csrf_token
def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """400: a malformed or suspicious request (bad Host header, oversize body …)."""
    return _error(request, 400, too_big_detail(exception))


@requires_csrf_token
def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """403: PermissionDenied raised by a view."""
    return _error(request, 403)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """403 for a form whose CSRF check failed: usually an old page or blocked cookies."""
    return _error(request, 403, "表单已过期或浏览器禁用了 Cookie，请刷新页面后重试。")


@requires_csrf_token
def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """404: no such address, or no such record."""
    return _error(request, 404)


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    """500: an unexpected error (already logged by Django)."""
    return _error(request, 500)
