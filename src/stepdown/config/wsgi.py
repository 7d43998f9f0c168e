"""WSGI entry point (granian serves it)."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stepdown.config.settings")

application = get_wsgi_application()

# Everything loaded so far (Django, the apps, their modules) lives as long as the process. Moving
# it out of the collector's reach keeps full collections short, and with them the slowest
# requests (docs/performance.md).
gc.freeze()
