"""gunicorn's settings, from the environment (see docs/deploying.md)."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")  # every interface: inside a container
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
# Recycle workers now and then so a slow leak can never take a container down.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "1000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "100"))
# Access and error logs to standard output as JSON lines, like Django's own logs
# (DJANGO_LOG_FORMAT), for the container platform's log collector.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
access_log_format = '%(h)s "%(r)s" %(s)s %(B)s %(D)sus "%(f)s" "%(a)s"'
_JSON = {
    "()": "pythonjsonlogger.json.JsonFormatter",
    "format": "%(levelname)s %(name)s %(message)s",
    "rename_fields": {"levelname": "level", "name": "logger"},
    "timestamp": "time",  # ISO 8601 in UTC
}
_STDOUT = {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stdout"}
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": _JSON},
    "handlers": {"console": _STDOUT, "error_console": _STDOUT},
    "loggers": {
        "gunicorn.error": {
            "level": loglevel.upper(),
            "handlers": ["error_console"],
            "propagate": False,
            "qualname": "gunicorn.error",
        },
        "gunicorn.access": {
            "level": "INFO",
            "handlers": ["console"],
            "propagate": False,
            "qualname": "gunicorn.access",
        },
    },
}
# The control socket (gunicornc) is for interactive hosts; containers are managed by
# their orchestrator, and the image's home directory is not writable.
control_socket_disable = True
# Forwarded headers (X-Forwarded-Proto and the like) are believed only from the addresses
# named here: the load balancer's or proxy's, e.g. "10.0.0.2" or "10.0.0.0/24". None by
# default, so no visitor can claim a scheme or an address for a request.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "")
# And no header, from anyone, sets the WSGI SCRIPT_NAME or PATH_INFO: the mount path is
# the operator's (DJANGO_SCRIPT_NAME), not a request's.
forwarder_headers = ""
