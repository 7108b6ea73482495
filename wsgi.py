"""The application object that gunicorn (`gunicorn wsgi:app`) and `flask --app wsgi` load."""

from config import config_from_env
from portal import create_app

app = create_app(config_from_env())
