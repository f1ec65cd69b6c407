"""Readers' feedback on the site (the accessibility statement's feedback channel):
stored privately, read by staff in the admin."""
