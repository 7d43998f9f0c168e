"""ASGI entry point, for servers that need it; Stepdown's own server uses WSGI."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stepdown.config.settings")

application = get_asgi_application()
