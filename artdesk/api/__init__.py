"""The embedded HTTP API: ``create_app(services)`` and the ``ApiServer`` that runs it."""
