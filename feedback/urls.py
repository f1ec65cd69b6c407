"""The feedback form's address, under each language's prefix."""

from django.urls import path

from . import views

language_patterns = [path("feedback/", views.feedback, name="feedback")]
