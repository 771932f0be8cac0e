"""``detente serve``: a local web app over the store (see :mod:`detente.web.app`)."""
