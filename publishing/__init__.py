"""The editors' side: the admin, the workflow and roles, previews and revisions."""
