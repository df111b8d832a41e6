"""Gunicorn settings for ``make serve`` and production: ``gunicorn -c newsarchive/gunicorn_conf.py newsarchive.wsgi``.

Workers default to 2 × cores + 1 (gunicorn's own advice for sync workers); ``WEB_CONCURRENCY``
overrides it. ``PORT`` and ``BIND`` choose the address. Requests are logged by
``newsarchive.access_log`` (one line each), so gunicorn's own access log stays off.
"""
import os


def _cores() -> int:
    # The cores this process may run on, which a container or taskset can limit below cpu_count().
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


bind = os.environ.get("BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * _cores() + 1))
# Uploads are parsed inside the request; a big page takes seconds on a busy machine.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 120))
graceful_timeout = 30
# Recycle workers now and then so a slow leak in a long-lived process cannot grow unbounded.
max_requests = 2000
max_requests_jitter = 200
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Behind nginx on the same host: trust its X-Forwarded-* headers only from loopback.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# No control socket in the home directory: two sites on one host would fight over its one path.
control_socket_disable = True
