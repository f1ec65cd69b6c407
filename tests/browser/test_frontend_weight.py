"""First paint: nothing render-blocking from other sites, the hero photo is the largest
contentful paint, and images do not shift the layout as they load.

(Fingerprinted, long-cached static files: tests/test_static_assets.py. Page weight and a
Lighthouse score: bench/frontend.py.)"""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import Page, expect

from tests.site_content import build_site

# The final largest-contentful-paint candidate: entries keep coming while images are
# decoded and painted, so collect them for a second after the load event.
LCP = """() => new Promise((resolve) => {
  let last = null;
  new PerformanceObserver((list) => {
    const entries = list.getEntries();
    last = entries[entries.length - 1];
  }).observe({type: "largest-contentful-paint", buffered: true});
  setTimeout(() => {
    const element = last && last.element;
    resolve({
      tag: element ? element.tagName.toLowerCase() : null,
      inHero: element ? element.closest(".figure--hero") !== null : false,
      size: last ? last.size : 0,
      url: last ? last.url : "",
    });
  }, 1000);
})"""

# Scroll to the bottom in steps so every lazy image loads, then sum the layout shifts
# that no input caused (the Cumulative Layout Shift of the whole visit).
CLS = """async () => {
  const shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.hadRecentInput) shifts.push(entry.value);
    }
  }).observe({type: "layout-shift", buffered: true});
  const pause = (ms) => new Promise((r) => setTimeout(r, ms));
  for (let y = 0; y <= document.documentElement.scrollHeight; y += window.innerHeight / 2) {
    window.scrollTo(0, y);
    await pause(60);
  }
  await Promise.all([...document.images].map((img) => img.decode().catch(() => null)));
  await pause(200);
  return {cls: shifts.reduce((a, b) => a + b, 0),
          images: document.images.length,
          loaded: [...document.images].filter((img) => img.complete && img.naturalWidth).length};
}"""


def test_pages_load_nothing_render_blocking_from_other_sites(page: Page, live_server):
    site = build_site()
    origin = urlsplit(live_server.url).netloc
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for path in site.pages["en"].values():
        page.goto(path)
        page.wait_for_load_state("load")
        blocking = page.evaluate(
            """() => [
              ...[...document.querySelectorAll('link[rel~=stylesheet]')].map((l) => l.href),
              ...[...document.querySelectorAll('script[src]')]
                  .filter((s) => !s.defer && !s.async && s.type !== 'module').map((s) => s.src),
            ]"""
        )
        stylesheets = [url for url in blocking if urlsplit(url).netloc == origin]
        assert stylesheets == blocking, f"{path}: render-blocking from elsewhere: {blocking}"
        # The script is deferred: only our stylesheet and the brand's colours (a few
        # bytes, fetched in parallel and kept for a year) hold up the first paint.
        assert len(blocking) == 2, f"{path}: render-blocking resources: {blocking}"
        assert "/brand/colours-" in blocking[1], blocking
    elsewhere = [url for url in requested if urlsplit(url).netloc not in (origin, "")]
    assert elsewhere == [], f"Requests to other sites: {elsewhere}"
    assert len(requested) > 20


def test_the_hero_photo_is_the_largest_contentful_paint(page: Page):
    site = build_site()
    page.goto(site.pages["en"]["article"])
    page.wait_for_load_state("load")
    expect(page.locator(".figure--hero img")).to_have_js_property("complete", True)

    lcp = page.evaluate(LCP)

    assert lcp["tag"] == "img" and lcp["inHero"], f"The largest contentful paint was {lcp}"
    assert "/media/" in lcp["url"]


def test_images_do_not_shift_the_layout(page: Page):
    site = build_site()
    for name in ["article", "index", "tag"]:
        page.goto(site.pages["en"][name])
        page.wait_for_load_state("load")

        result = page.evaluate(CLS)

        assert result["images"] >= 3 and result["loaded"] == result["images"], (name, result)
        assert result["cls"] < 0.01, f"{name}: cumulative layout shift {result['cls']:.3f}"


def test_the_shift_measure_sees_an_image_without_dimensions(page: Page):
    """The CLS check can fail: a photo with no size reserved, put above the headline after
    the page has been painted, pushes the text on screen down and is counted."""
    site = build_site()
    page.goto(site.pages["en"]["article"])
    page.wait_for_load_state("load")
    page.evaluate(
        """async () => {
          const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
          const photo = document.createElement("img");
          photo.alt = "";
          document.querySelector(".article__header").prepend(photo);
          // Painted empty first, as a slow photo is, then the photo arrives.
          await frame(); await frame();
          photo.src = document.querySelector(".figure--hero img").currentSrc + "?again";
          await photo.decode();
        }"""
    )

    result = page.evaluate(CLS)

    assert result["cls"] > 0.05, result
