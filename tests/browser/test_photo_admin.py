"""Setting a photo's focal point by clicking its preview in the admin, in a real browser."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from playwright.sync_api import Page, expect

from photos.models import Photo
from tests.browser.admin_login import PASSWORD, log_in
from tests.browser.focal_point import CLICKED, click_focal_point
from tests.factories import make_photo


def test_clicking_the_preview_sets_the_focal_point_and_saving_remakes_the_crops(
    page: Page, live_server
):
    get_user_model().objects.create_superuser("editor", "editor@example.edu", PASSWORD)
    photo = make_photo()
    first_set = photo.renditions["dir"]
    log_in(page, "editor")
    page.goto(f"/admin/photos/photo/{photo.pk}/change/")

    focal_x, focal_y, box = click_focal_point(page, page.locator(".focal-point__image"))
    # The marker moved to where the editor clicked.
    marker = page.locator(".focal-point__marker").bounding_box()
    assert abs(marker["x"] + marker["width"] / 2 - (box["x"] + box["width"] * CLICKED[0])) < 3
    assert abs(marker["y"] + marker["height"] / 2 - (box["y"] + box["height"] * CLICKED[1])) < 3

    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    photo = Photo.objects.get(pk=photo.pk)
    assert (photo.focal_x, photo.focal_y) == (focal_x, focal_y)
    assert photo.renditions["focal"] == [focal_x, focal_y]
    assert photo.renditions["dir"] != first_set
