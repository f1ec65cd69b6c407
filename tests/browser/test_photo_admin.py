"""Setting a photo's focal point by clicking its preview in the admin, in a real browser."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from playwright.sync_api import Page, expect

from photos.models import Photo
from tests.factories import make_photo


def test_clicking_the_preview_sets_the_focal_point_and_saving_remakes_the_crops(
    page: Page, live_server
):
    get_user_model().objects.create_superuser("editor", "editor@example.edu", "pw-for-tests")
    photo = make_photo()
    first_set = photo.renditions["dir"]

    page.goto("/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("pw-for-tests")
    page.get_by_role("button", name="Log in").click()
    page.goto(f"/admin/photos/photo/{photo.pk}/change/")

    preview = page.locator(".focal-point__image")
    expect(preview).to_have_js_property("complete", True)
    box = preview.bounding_box()
    preview.click(position={"x": box["width"] * 0.25, "y": box["height"] * 0.75})

    focal_x = float(page.get_by_label("Focal point x").input_value())
    focal_y = float(page.get_by_label("Focal point y").input_value())
    assert abs(focal_x - 0.25) < 0.01 and abs(focal_y - 0.75) < 0.01
    # The marker moved to where the editor clicked.
    marker = page.locator(".focal-point__marker").bounding_box()
    assert abs(marker["x"] + marker["width"] / 2 - (box["x"] + box["width"] * 0.25)) < 3
    assert abs(marker["y"] + marker["height"] / 2 - (box["y"] + box["height"] * 0.75)) < 3

    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    photo = Photo.objects.get(pk=photo.pk)
    assert (photo.focal_x, photo.focal_y) == (focal_x, focal_y)
    assert photo.renditions["focal"] == [focal_x, focal_y]
    assert photo.renditions["dir"] != first_set
