"""The two editorial roles as permissions, as they are today.

Writers write and illustrate drafts, credit people and submit them for review; Editors
also publish, schedule and unpublish (articles.publish_article), delete, hide people
from author pages, and manage categories, tags, corrections, the site notice, the
site's identity and accessibility statements, and read feedback. The groups are made
by data migrations (articles 0004, 0011 and 0013, siteidentity 0002, which keep their
own copies, as migrations must); this is the current list, e.g. for rebuilding the
groups in a flushed test database.
"""

_INLINES = ["galleryphoto", "relatedlink", "articleauthor", "articlecontact"]
_ACTIONS = ("add", "change", "delete", "view")

WRITER = [
    ("articles", "add_article"),
    ("articles", "change_article"),
    ("articles", "view_article"),
    *[("articles", f"{action}_{model}") for model in _INLINES for action in _ACTIONS],
    ("photos", "add_photo"),
    ("photos", "change_photo"),
    ("photos", "view_photo"),
    # A new co-author or contact; PersonAdmin keeps people on live articles for Editors.
    ("articles", "add_person"),
    ("articles", "change_person"),
    ("articles", "view_person"),
    ("articles", "view_category"),
    ("articles", "view_correction"),
    ("taggit", "view_tag"),
]
# The site's identity, its accessibility statements and the readers' feedback
# (siteidentity 0002 gives them to the Editor group).
IDENTITY = [
    ("siteidentity", "add_siteidentity"),
    ("siteidentity", "change_siteidentity"),
    ("siteidentity", "view_siteidentity"),
    *[("siteidentity", f"{action}_accessibilitystatement") for action in _ACTIONS],
    ("feedback", "view_feedbackmessage"),
    ("feedback", "change_feedbackmessage"),
    ("feedback", "delete_feedbackmessage"),
]
EDITOR = [
    *WRITER,
    ("articles", "delete_article"),
    ("articles", "publish_article"),
    ("photos", "delete_photo"),
    ("articles", "delete_person"),
    ("articles", "hide_person"),
    *[("articles", f"{action}_category") for action in ("add", "change", "delete")],
    *[("articles", f"{action}_sitenotice") for action in _ACTIONS],
    *[("articles", f"{action}_correction") for action in ("add", "change", "delete")],
    *[("taggit", f"{action}_tag") for action in ("add", "change", "delete")],
    *IDENTITY,
]
ROLES = {"Writer": WRITER, "Editor": EDITOR}
