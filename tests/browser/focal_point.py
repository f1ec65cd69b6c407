"""Setting a focal point as an editor does, by clicking a photo's preview: on an upload
card (tests/browser/test_photo_library.py) or on the photo's form (test_photo_admin.py)."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

# Where the editor clicks: a quarter across, three quarters down.
CLICKED = (0.25, 0.75)


def click_focal_point(scope: Page | Locator, preview: Locator) -> tuple[float, float, dict]:
    """Click `preview` at CLICKED once its image has loaded; the focal point fields in
    `scope` then hold that point. Returns it, with the preview's box on the page."""
    expect(preview).to_have_js_property("complete", True)
    box = preview.bounding_box()
    preview.click(position={"x": box["width"] * CLICKED[0], "y": box["height"] * CLICKED[1]})
    focal_x = float(scope.get_by_label("Focal point x").input_value())
    focal_y = float(scope.get_by_label("Focal point y").input_value())
    assert abs(focal_x - CLICKED[0]) < 0.01 and abs(focal_y - CLICKED[1]) < 0.01
    return focal_x, focal_y, box
