# Newsroom's production image: a build stage compiles wheels and collects the static
# files; the slim runtime stage holds only the virtual environment, the code and the
# collected static files, and runs gunicorn as an unprivileged user.

FROM python:3.11-slim-bookworm AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /app
RUN python -m venv /venv
COPY requirements.txt requirements-s3.txt ./
ARG WITH_S3=0
RUN /venv/bin/pip install -r requirements.txt \
    && if [ "$WITH_S3" = "1" ]; then /venv/bin/pip install -r requirements-s3.txt; fi
COPY . .
# collectstatic needs settings but no database or real secret.
RUN DJANGO_DEBUG=0 DJANGO_SECRET_KEY=collectstatic-only STATIC_ROOT=/app/staticfiles \
    /venv/bin/python manage.py collectstatic --noinput

FROM python:3.11-slim-bookworm AS runtime
ENV PATH=/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_DEBUG=0 \
    STATIC_ROOT=/app/staticfiles \
    MEDIA_ROOT=/data/media \
    PHOTO_ORIGINALS_ROOT=/data/originals
RUN groupadd --system --gid 1000 newsroom \
    && useradd --system --uid 1000 --gid newsroom --home-dir /app --shell /usr/sbin/nologin newsroom \
    && mkdir -p /data/media /data/originals \
    && chown newsroom:newsroom /data/media /data/originals
WORKDIR /app
COPY --from=build /venv /venv
COPY --from=build --chown=root:root /app /app
USER 1000:1000
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-m", "newsroom.healthcheck"]
CMD ["gunicorn", "--config", "gunicorn.conf.py", "newsroom.wsgi"]
