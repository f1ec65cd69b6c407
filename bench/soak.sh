#!/usr/bin/env bash
# The five-minute soak: tests/security/test_load.py (64 connections against gunicorn and
# PostgreSQL while an editor publishes and edits every few seconds) for LOADTEST_SECONDS
# (300 unless set). The suite runs the same test for 30 seconds. Needs PostgreSQL at
# TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/newsroom) and wrk.
source "$(dirname "$0")/../bin/_venv.sh"
export DJANGO_DEBUG=1 DJANGO_SECRET_KEY=${DJANGO_SECRET_KEY:-tests-only-not-secret}
DATABASE_URL=${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/newsroom} \
  LOADTEST_SECONDS=${LOADTEST_SECONDS:-300} \
  pytest -q -s tests/security/test_load.py "$@"
